package dev.egretta.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A sync deletes only documents under the source's own location, with the listing's prefix rule. */
class S3DocumentSourceCoversTest {
  private static final S3Config CONFIG = S3Config.builder().region("us-east-1")
      .endpointOverride("http://127.0.0.1:9").staticCredentials("AKIAEXAMPLE", "secret").build();

  @Test
  void aFolderPrefixCoversEverythingBelowIt() {
    try (S3DocumentSource source = S3DocumentSource.of(CONFIG, "s3://docs/library/")) {
      assertThat(source.covers("s3://docs/library/bc/pdf/us/a.pdf")).isTrue();
      assertThat(source.covers("s3://docs/library-old/bc/pdf/us/a.pdf")).isFalse();
      assertThat(source.covers("s3://other/library/bc/pdf/us/a.pdf")).isFalse();
      assertThat(source.covers("file:///library/a.pdf")).isFalse();
    }
  }

  @Test
  void aBarePrefixCoversItselfAndItsFolderButNotSiblingsSharingItsStart() {
    try (S3DocumentSource source = S3DocumentSource.of(CONFIG, "s3://docs/lib")) {
      assertThat(source.covers("s3://docs/lib/bc/pdf/us/a.pdf")).isTrue();
      assertThat(source.covers("s3://docs/lib-old/bc/pdf/us/a.pdf")).isFalse();
    }
    try (S3DocumentSource whole = S3DocumentSource.of(CONFIG, "s3://docs")) {
      assertThat(whole.covers("s3://docs/anything/a.pdf")).isTrue();
      assertThat(whole.covers("s3://docsx/a.pdf")).isFalse();
    }
  }
}
