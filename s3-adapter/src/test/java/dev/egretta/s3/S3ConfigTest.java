package dev.egretta.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3ConfigTest {

  @Test
  void defaultsToTheAwsEnvironment() {
    S3Config config = S3Config.builder().build();
    assertThat(config.region()).isEmpty();
    assertThat(config.endpointOverride()).isEmpty();
    assertThat(config.pathStyleAccess()).isFalse();
    assertThat(config.hasStaticCredentials()).isFalse();
  }

  @Test
  void keepsAnS3CompatibleStoresSettings() {
    S3Config config = S3Config.builder().region("eu-central-1").endpointOverride("http://127.0.0.1:9000")
        .pathStyleAccess(true).staticCredentials("minio", "minio-secret").build();
    assertThat(config.region()).contains("eu-central-1");
    assertThat(config.endpointOverride()).contains(URI.create("http://127.0.0.1:9000"));
    assertThat(config.pathStyleAccess()).isTrue();
    assertThat(config.hasStaticCredentials()).isTrue();
  }

  @Test
  void neverPrintsTheSecret() {
    S3Config config = S3Config.builder().staticCredentials("AKIAEXAMPLE", "very-secret-value", "session-token").build();
    assertThat(config.toString()).contains("AKIAEXAMPLE").doesNotContain("very-secret-value").doesNotContain("session-token");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://host:21", "127.0.0.1:9000", "http://", "http://host/?x=1", "http://host/#f", "not a uri"})
  void rejectsEndpointsThatAreNotHttpUrlsNamingThem(String endpoint) {
    assertThatThrownBy(() -> S3Config.builder().endpointOverride(endpoint))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid S3 endpoint '");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "EU-WEST-1", "eu west 1", "eu_west_1"})
  void rejectsMalformedRegions(String region) {
    assertThatThrownBy(() -> S3Config.builder().region(region))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid AWS region '" + region + "'");
  }

  @Test
  void rejectsBlankCredentials() {
    assertThatThrownBy(() -> S3Config.builder().staticCredentials(" ", "s"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("access key id");
    assertThatThrownBy(() -> S3Config.builder().staticCredentials("k", ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret access key");
    assertThatThrownBy(() -> S3Config.builder().staticCredentials("k", "s", " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session token");
  }
}
