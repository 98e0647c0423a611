package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of ../shared/hostile-pdfs goes through full ingestion (cheap hashing embeddings) in
 * one batch: nothing kills, hangs or exhausts the JVM, each file ends indexed, truncated or
 * rejected with a reason, and the well-formed control PDFs of the same batch are indexed.
 */
class HostileSweepTest {
  @TempDir Path dir;

  @Test
  void everyHostileFileEndsIndexedTruncatedOrRejectedWithAReason() throws Exception {
    Path hostile = Path.of(System.getProperty("egretta.shared", "../shared"), "hostile-pdfs");
    assumeTrue(Files.isRegularFile(hostile.resolve("MANIFEST.tsv")), "shared data absent: " + hostile + " (skipping the hostile sweep)");

    HostileSweep.Result result = HostileSweep.run(hostile, dir.resolve("index"), new HashingEmbeddingModel(), Duration.ofSeconds(15));
    result.print(System.out);
    result.files().stream().filter(f -> f.outcome() != DocumentOutcome.INDEXED || f.seconds() > 1)
        .forEach(f -> System.out.printf("%s\t%s\t%.2fs\t%s\t%s%n", f.category(), f.outcome(), f.seconds(), f.path(), f.detail()));

    assertThat(result.parsersStillRunning()).as("no parse keeps running (hangs) after the sweep").isZero();
    long listed = Files.readAllLines(hostile.resolve("MANIFEST.tsv")).size() - 1;
    assertThat(result.files()).hasSize((int) listed);
    assertThat(result.files()).allSatisfy(f -> {
      assertThat(f.outcome()).isIn(EnumSet.of(DocumentOutcome.INDEXED, DocumentOutcome.INDEXED_TRUNCATED, DocumentOutcome.REJECTED));
      if (f.outcome() == DocumentOutcome.REJECTED) {
        assertThat(f.detail()).as(f.path()).isNotBlank();
      }
    });
    // the well-formed controls are indexed; one of them (pdf.js two_pages.pdf) has no text layer at all
    assertThat(result.files()).filteredOn(f -> f.category().equals("control")).allSatisfy(f -> {
      if (f.outcome() != DocumentOutcome.INDEXED) {
        assertThat(f.detail()).as(f.path()).startsWith("no extractable text");
      }
    });
    assertThat(result.files()).filteredOn(f -> f.category().equals("control") && f.outcome() == DocumentOutcome.INDEXED)
        .hasSizeGreaterThanOrEqualTo(13);
    assertThat(result.files()).filteredOn(f -> f.category().equals("not-pdf") || f.category().equals("encrypted") && f.path().contains("PasswordSample"))
        .allSatisfy(f -> assertThat(f.outcome()).as(f.path()).isEqualTo(DocumentOutcome.REJECTED));
  }
}
