package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.api.EgretJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCommandTest {
  @TempDir Path dir;

  @Test
  void reindexingAnUnchangedFolderReportsEveryDocumentUnchanged() throws Exception {
    DemoFixture fixture = DemoFixture.get();

    CliRun run = CliRun.run(dir, "index", fixture.corpus().toString(), "--index", fixture.index().toString(), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = EgretJson.mapper().readTree(run.out());
    assertThat(report.get("documents_indexed").asInt()).isZero();
    assertThat(report.get("documents_unchanged").asInt()).isEqualTo(3);
    assertThat(report.get("documents_rejected")).isEmpty();
    assertThat(report.has("pages")).isTrue();
    assertThat(report.has("chunks")).isTrue();
    assertThat(report.has("seconds")).isTrue();
  }

  @Test
  void aDamagedPdfIsListedAsRejectedWithItsReasonAndTheRunStillSucceeds() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("inbox"));
    Files.writeString(folder.resolve("broken.pdf"), "%PDF-1.7\nthis is not really a PDF\n");

    CliRun json = CliRun.run(dir, "index", "inbox", "--domain", "misc", "--category", "us", "--json");

    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode report = EgretJson.mapper().readTree(json.out());
    assertThat(report.get("documents_indexed").asInt()).isZero();
    assertThat(report.get("documents_rejected")).singleElement().satisfies(r -> {
      assertThat(r.get("uri").asText()).endsWith("broken.pdf");
      assertThat(r.get("reason").asText()).isNotBlank();
    });
    assertThat(Files.isDirectory(dir.resolve("egretta-data/index"))).isTrue();

    CliRun text = CliRun.run(dir, "index", "inbox", "--domain", "misc", "--category", "us");
    assertThat(text.out()).contains("1 rejected").containsPattern("rejected document\\s+reason").contains("broken.pdf");
  }

  @Test
  void aMissingFolderIsARuntimeFailureNamingIt() {
    CliRun run = CliRun.run(dir, "index", "nowhere");

    assertThat(run.exitCode()).isEqualTo(Egretta.FAILURE);
    assertThat(run.err().strip()).isEqualTo("egretta: no such folder: " + dir.resolve("nowhere"));
  }

  @Test
  void aMalformedS3LocationIsAUsageError() {
    CliRun run = CliRun.run(dir, "index", "s3:/bucket");

    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.err().strip()).isEqualTo("egretta: an S3 location looks like s3://bucket/prefix; got 's3:/bucket'");
  }

  @Test
  void anUnreachableS3EndpointIsAOneLineRuntimeFailure() {
    System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
    System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    try {
      CliRun run = CliRun.run(dir, "index", "s3://policies/library", "--s3-endpoint", "http://127.0.0.1:1",
          "--s3-path-style", "--s3-region", "us-east-1");

      assertThat(run.exitCode()).isEqualTo(Egretta.FAILURE);
      assertThat(run.err().strip()).startsWith("egretta: ").contains("s3://policies/library").doesNotContain("\n");
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }
  }

  @Test
  void s3OptionsOnAFolderAreAUsageError() {
    CliRun run = CliRun.run(dir, "index", ".", "--s3-path-style");

    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.err()).contains("apply to s3:// locations only");
  }

  @Test
  void domainWithoutCategoryIsAUsageError() {
    CliRun run = CliRun.run(dir, "index", ".", "--domain", "misc");

    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.err()).contains("--domain and --category go together");
  }
}
