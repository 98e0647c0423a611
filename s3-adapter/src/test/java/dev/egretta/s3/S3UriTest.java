package dev.egretta.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class S3UriTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "s3://bucket|bucket|''",
      "s3://bucket/|bucket|''",
      "S3://my.bucket-1/a/b/|my.bucket-1|a/b/",
      "s3://bucket/business-continuity/pdf/us/my report.pdf|bucket|business-continuity/pdf/us/my report.pdf",
      "s3://bucket/a%20b?c#d|bucket|a%20b?c#d"})
  void parsesBucketAndKeyVerbatim(String uri, String bucket, String key) {
    S3Uri parsed = S3Uri.parse(uri);
    assertThat(parsed.bucket()).isEqualTo(bucket);
    assertThat(parsed.key()).isEqualTo(key);
  }

  @Test
  void printsAsS3UriAndNamesTheFile() {
    S3Uri uri = S3Uri.parse("s3://bucket/risk/pdf/us/policy.pdf");
    assertThat(uri).hasToString("s3://bucket/risk/pdf/us/policy.pdf");
    assertThat(uri.filename()).isEqualTo("policy.pdf");
    assertThat(S3Uri.parse("s3://bucket")).hasToString("s3://bucket/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bucket/key", "https://bucket/key", "file:///tmp/x.pdf", "s3:/bucket/key", ""})
  void rejectsWhatIsNotAnS3UriNamingTheExpectedForm(String uri) {
    assertThatThrownBy(() -> S3Uri.parse(uri)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + uri + "'").hasMessageContaining("s3://bucket/prefix");
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3://", "s3:///key", "s3://ab/key", "s3://bad bucket/key", "s3://-bucket/key",
      "s3://bucket//key", "s3://bucket/a\nb"})
  void rejectsBadBucketsAndKeysNamingTheUri(String uri) {
    assertThatThrownBy(() -> S3Uri.parse(uri)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("S3 URI");
  }

  @Test
  void recognisesS3UrisByScheme() {
    assertThat(S3Uri.isS3("s3://b/k")).isTrue();
    assertThat(S3Uri.isS3("S3://b/k")).isTrue();
    assertThat(S3Uri.isS3("file:///b/k")).isFalse();
    assertThat(S3Uri.isS3(null)).isFalse();
  }
}
