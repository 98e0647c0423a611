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
