package dev.egretta.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalDownloadsTest {
  private static final String DOC = Path.of("/srv/egretta/corpus/plan.pdf").toAbsolutePath().toUri().toString();

  private static String token(String link) {
    String rest = link.substring(link.indexOf(LocalDownloads.PATH) + LocalDownloads.PATH.length());
    return rest.substring(0, rest.length() - 1);
  }

  @Test
  void aTokenNamesItsDocumentAndOrganisationUntilItExpiresAndDisclosesNoPath() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-18T22:00:00Z"));
    LocalDownloads downloads = new LocalDownloads(LocalDownloads.randomKey(), Duration.ofHours(1), clock, Optional.empty());
    String link = downloads.link("http://127.0.0.1:8080", "acme", DOC);
    assertThat(link).startsWith("http://127.0.0.1:8080/v1/downloads/").endsWith("/").doesNotContain("srv")
        .doesNotContain("plan").doesNotContain("acme");
    assertThat(downloads.open(token(link))).contains(new LocalDownloads.Grant("acme", DOC));
    assertThat(downloads.link("http://h", "acme", DOC)).isNotEqualTo(downloads.link("http://h", "acme", DOC));

    clock.now = Instant.parse("2026-03-18T23:00:01Z");
    assertThat(downloads.open(token(link))).isEmpty();
  }

  @Test
  void alteredForeignOrMalformedTokensOpenNothing() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-18T22:00:00Z"), ZoneOffset.UTC);
    LocalDownloads mine = new LocalDownloads(LocalDownloads.randomKey(), Duration.ofHours(1), clock, Optional.empty());
    LocalDownloads other = new LocalDownloads(LocalDownloads.randomKey(), Duration.ofHours(1), clock, Optional.empty());
    String token = token(mine.link("http://h", "acme", DOC));
    char[] altered = token.toCharArray();
    altered[20] = altered[20] == 'A' ? 'B' : 'A';
    assertThat(mine.open(new String(altered))).isEmpty();
    assertThat(other.open(token)).isEmpty();
    assertThat(mine.open("not base64 !")).isEmpty();
    assertThat(mine.open("")).isEmpty();
    assertThat(mine.open("AAAA")).isEmpty();
  }

  @Test
  void aFileIsGivenOnlyToItsOrganisationWhileItIsARegularFile(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    LocalDownloads downloads = LocalDownloads.create(Duration.ofHours(1));
    Path pdf = java.nio.file.Files.writeString(dir.resolve("Plan \"v2\".pdf"), "%PDF-1.7");
    String token = token(downloads.link("http://h", "acme", pdf.toUri().toString()));

    LocalDownloads.File file = downloads.file(token, "acme").orElseThrow();
    assertThat(file.path()).isEqualTo(pdf);
    assertThat(file.contentType()).isEqualTo("application/pdf");
    assertThat(file.contentDisposition()).isEqualTo("attachment; filename=\"Plan _v2_.pdf\"; "
        + "filename*=UTF-8''Plan%20%22v2%22.pdf");
    assertThat(downloads.file(token, "globex")).isEmpty();

    Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("link.pdf"), pdf);
    assertThat(downloads.file(token(downloads.link("http://h", "acme", link.toUri().toString())), "acme")).isEmpty();
    java.nio.file.Files.delete(pdf);
    assertThat(downloads.file(token, "acme")).isEmpty();
    Path notes = java.nio.file.Files.writeString(dir.resolve("notes.html"), "<script>");
    assertThat(downloads.file(token(downloads.link("http://h", "acme", notes.toUri().toString())), "acme"))
        .hasValueSatisfying(f -> assertThat(f.contentType()).isEqualTo("application/octet-stream"));
    // office files keep their type (the browser hands them to the right application); Markdown reads as text
    Path deck = java.nio.file.Files.writeString(dir.resolve("deck.pptx"), "pk");
    assertThat(downloads.file(token(downloads.link("http://h", "acme", deck.toUri().toString())), "acme"))
        .hasValueSatisfying(f -> assertThat(f.contentType())
            .isEqualTo("application/vnd.openxmlformats-officedocument.presentationml.presentation"));
    Path readme = java.nio.file.Files.writeString(dir.resolve("policy.md"), "# Policy");
    assertThat(downloads.file(token(downloads.link("http://h", "acme", readme.toUri().toString())), "acme"))
        .hasValueSatisfying(f -> assertThat(f.contentType()).isEqualTo("text/plain;charset=utf-8"));
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
