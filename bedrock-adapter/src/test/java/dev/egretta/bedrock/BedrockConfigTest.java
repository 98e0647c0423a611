package dev.egretta.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BedrockConfigTest {
  @Test
  void defaultsUseTheAwsChainsAndBoundedRetries() {
    BedrockConfig config = BedrockConfig.builder().build();

    assertThat(config.region()).isEmpty();
    assertThat(config.credentialsMode()).isEqualTo(BedrockConfig.CredentialsMode.DEFAULT_CHAIN);
    assertThat(config.endpointOverride()).isEmpty();
    assertThat(config.maxRetries()).isEqualTo(2);
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.maxOutputTokens()).isEqualTo(2048);
  }

  @Test
  void rejectsBadValuesNamingThem() {
    BedrockConfig.Builder b = BedrockConfig.builder();
    assertThatThrownBy(() -> b.region("Virginia")).hasMessageContaining("Virginia");
    assertThatThrownBy(() -> b.endpointOverride(URI.create("localhost:8080"))).hasMessageContaining("localhost:8080");
    assertThatThrownBy(() -> b.readTimeout(Duration.ZERO)).hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> b.maxRetries(-1)).hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> b.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).hasMessageContaining("backoff");
    assertThatThrownBy(() -> b.temperature(1.5)).hasMessageContaining("1.5");
    assertThatThrownBy(() -> b.maxOutputTokens(0)).hasMessageContaining("maxOutputTokens");
    assertThatThrownBy(() -> b.staticCredentials("AKID", " ")).hasMessageContaining("secret");
    assertThatThrownBy(() -> b.profileCredentials("")).hasMessageContaining("profile");
  }

  @Test
  void describesItselfWithoutTheSecretKey() {
    BedrockConfig config = BedrockConfig.builder().region("eu-central-1")
        .staticCredentials("AKIDEXAMPLE", "very-secret-key", "session-token-xyz").build();

    assertThat(config.toString()).contains("eu-central-1").contains("AKIDEXAMPLE")
        .doesNotContain("very-secret-key").doesNotContain("session-token-xyz");
  }

  @Test
  void aProfileReplacesStaticKeys() {
    BedrockConfig config = BedrockConfig.builder().staticCredentials("AKID", "secret").profileCredentials("prod").build();

    assertThat(config.credentialsMode()).isEqualTo(BedrockConfig.CredentialsMode.PROFILE);
    assertThat(config.profileName()).contains("prod");
    assertThat(config.accessKeyId()).isNull();
  }
}
