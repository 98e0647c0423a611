package dev.egretta.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3LinkSignerTest {

  private static final String KEY = "AKIAEGRETTATEST";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  private static final S3Config AWS = S3Config.builder().region("eu-west-1").staticCredentials(KEY, SECRET).build();
  private static final S3Config MINIO = S3Config.builder().region("us-east-1").endpointOverride("http://127.0.0.1:9000")
      .pathStyleAccess(true).staticCredentials(KEY, SECRET).build();

  @Test
  void signsAnS3DocumentForFifteenMinutesByDefault() {
    Instant before = Instant.now();
    String url;
    try (S3LinkSigner signer = S3LinkSigner.of(AWS)) {
      assertThat(signer.expiry()).isEqualTo(Duration.ofMinutes(15));
      url = signer.downloadUrl("s3://egret-library/business-continuity/pdf/us/plan.pdf").orElseThrow();
    }
    SignedUrl signed = SignedUrl.parse(url);

    assertThat(signed.uri().getScheme()).isEqualTo("https");
    assertThat(signed.uri().getHost()).isEqualTo("egret-library.s3.eu-west-1.amazonaws.com");
    assertThat(signed.uri().getRawPath()).isEqualTo("/business-continuity/pdf/us/plan.pdf");
    assertThat(signed.param("X-Amz-Algorithm")).isEqualTo("AWS4-HMAC-SHA256");
    Instant signedAt = LocalDateTime.parse(signed.param("X-Amz-Date"), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
        .toInstant(ZoneOffset.UTC);
    assertThat(signedAt).isBetween(before.minusSeconds(5), Instant.now().plusSeconds(5));
    String day = signed.param("X-Amz-Date").substring(0, 8);
    assertThat(signed.param("X-Amz-Credential")).isEqualTo(KEY + "/" + day + "/eu-west-1/s3/aws4_request");
    assertThat(signed.param("X-Amz-Expires")).isEqualTo("900");
    assertThat(signed.param("X-Amz-SignedHeaders")).isEqualTo("host");
    assertThat(signed.param("X-Amz-Signature")).matches("[0-9a-f]{64}");
    assertThat(signed.signatureValid(SECRET)).as("SigV4 signature recomputed from the secret").isTrue();
    assertThat(signed.signatureValid("another-secret")).isFalse();
  }

  @Test
  void theConfiguredExpiryIsSignedAndCannotBeStretched() {
    try (S3LinkSigner signer = S3LinkSigner.builder(AWS).expiry(Duration.ofHours(2)).build()) {
      SignedUrl signed = SignedUrl.parse(signer.downloadUrl("s3://egret-library/risk/pdf/us/a.pdf").orElseThrow());

      assertThat(signed.param("X-Amz-Expires")).isEqualTo("7200");
      assertThat(signed.signatureValid(SECRET)).isTrue();
      assertThat(signed.with("X-Amz-Expires", "604800").signatureValid(SECRET)).as("a stretched expiry").isFalse();
    }
  }

  @Test
  void usesPathStyleOnAnS3CompatibleEndpointAndEncodesTheKey() {
    try (S3LinkSigner signer = S3LinkSigner.of(MINIO)) {
      String url = signer.downloadUrl("s3://docs/risk/pdf/us/due diligence (v2).pdf").orElseThrow();
      SignedUrl signed = SignedUrl.parse(url);

      assertThat(url).startsWith("http://127.0.0.1:9000/docs/risk/pdf/us/due%20diligence%20%28v2%29.pdf?");
      assertThat(signed.param("X-Amz-Credential")).endsWith("/us-east-1/s3/aws4_request");
      assertThat(signed.signatureValid(SECRET)).isTrue();
    }
  }

  @Test
  void temporaryCredentialsCarryTheirSessionToken() {
    S3Config sts = S3Config.builder().region("eu-west-1").staticCredentials(KEY, SECRET, "FwoGZXIvYXdzEXAMPLE").build();
    try (S3LinkSigner signer = S3LinkSigner.of(sts)) {
      SignedUrl signed = SignedUrl.parse(signer.downloadUrl("s3://b-1/k.pdf").orElseThrow());
      assertThat(signed.param("X-Amz-Security-Token")).isEqualTo("FwoGZXIvYXdzEXAMPLE");
      assertThat(signed.signatureValid(SECRET)).isTrue();
    }
  }

  @Test
  void documentsWithoutAShareableLocationGetNoLink() {
    try (S3LinkSigner signer = S3LinkSigner.of(AWS)) {
      assertThat(signer.downloadUrl("file:///srv/library/risk/pdf/us/a.pdf")).isEmpty();
      assertThat(signer.downloadUrl("https://example.com/a.pdf")).isEmpty();
      assertThat(signer.downloadUrl("s3://bucket/")).as("a prefix, not an object").isEmpty();
      assertThat(signer.downloadUrl("s3://x/a.pdf")).as("malformed bucket").isEmpty();
      assertThat(signer.downloadUrl("")).isEmpty();
      assertThat(signer.downloadUrl(null)).isEmpty();
    }
  }

  @Test
  void localFilesUnderAConfiguredFolderGetItsBaseUrl(@TempDir Path library) {
    try (S3LinkSigner signer = S3LinkSigner.builder(AWS).localFiles(library, "https://docs.example.com/library").build()) {
      Path file = library.resolve("risk/pdf/us/due diligence.pdf");
      assertThat(signer.downloadUrl(file.toUri().toString()))
          .contains("https://docs.example.com/library/risk/pdf/us/due%20diligence.pdf");
      assertThat(signer.downloadUrl(library.resolve("../elsewhere.pdf").toUri().toString())).isEmpty();
      assertThat(signer.downloadUrl(library.toUri().toString())).isEmpty();
    }
  }

  @Test
  void rejectsExpiriesSigV4CannotSignAndBadBaseUrls() {
    assertThatThrownBy(() -> S3LinkSigner.builder(AWS).expiry(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 second and 7 days");
    assertThatThrownBy(() -> S3LinkSigner.builder(AWS).expiry(Duration.ofDays(8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT192H");
    assertThatThrownBy(() -> S3LinkSigner.builder(AWS).localFiles(Path.of("/srv"), "docs.example.com"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'docs.example.com'");
  }

  @Test
  void localOnlyUseNeedsNoAwsSettingsAndAClosedSignerRefusesToSign(@TempDir Path library) {
    S3Config nothing = S3Config.builder().build();
    S3LinkSigner signer = S3LinkSigner.builder(nothing).localFiles(library, "https://docs.example.com/").build();
    assertThat(signer.downloadUrl(library.resolve("a.pdf").toUri().toString())).contains("https://docs.example.com/a.pdf");
    signer.close();

    S3LinkSigner closed = S3LinkSigner.of(AWS);
    closed.close();
    assertThatThrownBy(() -> closed.downloadUrl("s3://bucket/a.pdf")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
