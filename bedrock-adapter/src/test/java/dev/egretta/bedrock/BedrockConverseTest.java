package dev.egretta.bedrock;

import static dev.egretta.bedrock.BedrockWireServer.converse;
import static dev.egretta.bedrock.BedrockWireServer.error;
import static dev.egretta.bedrock.BedrockWireServer.raw;
import static dev.egretta.bedrock.BedrockWireServer.stall;
import static dev.egretta.bedrock.Fixtures.HAIKU;
import static dev.egretta.bedrock.Fixtures.NOVA_LITE;
import static dev.egretta.bedrock.Fixtures.assistant;
import static dev.egretta.bedrock.Fixtures.config;
import static dev.egretta.bedrock.Fixtures.request;
import static dev.egretta.bedrock.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.api.Mode;
import dev.egretta.core.ConfigurationException;
import dev.egretta.core.InvalidRequestException;
import dev.egretta.core.RateLimitedException;
import dev.egretta.core.UpstreamException;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.egretta.core.spi.GenerationRequest;
import dev.egretta.core.spi.TokenUsage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Blocking answers through the real AWS SDK client stack against the local Bedrock wire server. */
class BedrockConverseTest extends OnWireServer {

  @Test
  void answersWithTheModelsTextAndBedrocksTokenCountsPricedByTheCatalog() {
    server.then(converse("Backups are tested annually [Source 1].", 9042, 597));
    GenerationRequest request = request(Mode.COMPLIANCE, HAIKU);

    GeneratedAnswer answer = generator.generate(request);

    assertThat(answer.markdown()).isEqualTo("Backups are tested annually [Source 1].");
    assertThat(answer.usage()).isEqualTo(new TokenUsage(9042, 597));
    // Claude 3.5 Haiku: $0.0008 / 1k input, $0.004 / 1k output
    assertThat(request.model().costUsd(answer.usage())).isCloseTo(9042 * 0.0000008 + 597 * 0.000004,
        org.assertj.core.data.Offset.offset(1e-12));
    assertThat(server.lastRequest().modelId()).isEqualTo(HAIKU);
    assertThat(server.lastRequest().path()).endsWith("/converse");
  }

  @Test
  void theRequestsModelIdSelectsTheBedrockModel() {
    generator.generate(request(Mode.COMPLIANCE, NOVA_LITE));

    assertThat(server.lastRequest().modelId()).isEqualTo(NOVA_LITE);
    assertThat(server.lastRequest().streaming()).isFalse();
  }

  @Test
  void sendsModeSpecificSystemInstructionsDelimitedPassagesAndInferenceSettings() {
    generator.generate(request(Mode.COMPLIANCE, HAIKU));
    JsonNode compliance = server.lastRequest().body();
    generator.generate(request(Mode.ADVISORY, HAIKU));
    JsonNode advisory = server.lastRequest().body();

    String complianceSystem = compliance.at("/system/0/text").asText();
    String advisorySystem = advisory.at("/system/0/text").asText();
    assertThat(complianceSystem).contains("Mode: compliance").contains("[Source N]");
    assertThat(advisorySystem).contains("Mode: advisory").contains("[Source N]");
    assertThat(complianceSystem).isNotEqualTo(advisorySystem);

    JsonNode messages = compliance.get("messages");
    assertThat(messages).hasSize(1);
    assertThat(messages.at("/0/role").asText()).isEqualTo("user");
    String prompt = messages.at("/0/content/0/text").asText();
    assertThat(prompt).contains("<documents>").contains("</documents>");
    String block = prompt.substring(prompt.indexOf("<documents>"), prompt.indexOf("</documents>"));
    assertThat(block)
        .contains("<source id=\"1\" file=\"contingency.pdf\" page=\"12\"")
        .contains("Backups shall be tested at least annually.")
        .contains("<source id=\"2\" file=\"policy.pdf\" page=\"3\"").contains("restore procedures quarterly");
    assertThat(prompt.substring(prompt.indexOf("</documents>")))
        .contains("How often must backups be tested?");

    assertThat(compliance.at("/inferenceConfig/maxTokens").asInt()).isEqualTo(700);
    assertThat(compliance.at("/inferenceConfig/temperature").asDouble()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void sendsSessionHistoryAsAlternatingTurnsBeforeTheQuestion() {
    GenerationRequest request = Fixtures.withHistory(request(Mode.ADVISORY, HAIKU),
        List.of(user("What is a BIA?"), assistant("A business impact analysis [Source 1]."),
            user("And who signs it?"), user("(repeated)"), assistant("The CIO.")),
        "Who must approve the backup testing schedule?");

    generator.generate(request);

    JsonNode messages = server.lastRequest().body().get("messages");
    assertThat(messages).hasSize(5);
    assertThat(messages.findValuesAsText("role")).containsExactly("user", "assistant", "user", "assistant", "user");
    assertThat(messages.at("/0/content/0/text").asText()).isEqualTo("What is a BIA?");
    assertThat(messages.at("/1/content/0/text").asText()).isEqualTo("A business impact analysis [Source 1].");
    assertThat(messages.at("/2/content/0/text").asText()).isEqualTo("And who signs it?\n\n(repeated)");
    assertThat(messages.at("/4/content/0/text").asText())
        .contains("How often must backups be tested?")
        .contains("Who must approve the backup testing schedule?");
  }

  @Test
  void throttlingIsRetriedWithinTheBoundThenSucceeds() {
    server.then(error(429, "ThrottlingException", "Too many requests, please wait before trying again."),
        error(429, "ThrottlingException", "Too many requests, please wait before trying again."),
        converse("third time lucky [Source 1]", 100, 10));

    GeneratedAnswer answer = generator.generate(request(Mode.COMPLIANCE, HAIKU));

    assertThat(answer.markdown()).isEqualTo("third time lucky [Source 1]");
    assertThat(answer.usage()).isEqualTo(new TokenUsage(100, 10));
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void throttlingBeyondTheRetryBoundBecomesARateLimitErrorAndTheSdkDoesNotRetryOnItsOwn() {
    for (int i = 0; i < 5; i++) {
      server.then(error(429, "ThrottlingException", "Too many requests, please wait before trying again."));
    }

    RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
        () -> generator.generate(request(Mode.COMPLIANCE, HAIKU)));

    assertThat(e.getMessage()).contains(HAIKU).contains("us-east-1").contains("3 attempts");
    assertThat(e.retryAfter()).isPositive();
    assertThat(server.requests()).hasSize(3); // 1 + maxRetries(2): no SDK or LangChain4j retries stacked on top
  }

  @Test
  void noRetriesConfiguredMeansExactlyOneRequest() {
    try (BedrockAnswerGenerator once = BedrockAnswerGenerator.create(config(server).maxRetries(0).build())) {
      server.then(error(429, "ThrottlingException", "slow down"));
      assertThatThrownBy(() -> once.generate(request(Mode.COMPLIANCE, HAIKU))).isInstanceOf(RateLimitedException.class);
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void accessDeniedBecomesAConfigurationErrorNamingModelAndRegion() {
    server.then(error(403, "AccessDeniedException", "You don't have access to the model with the specified model ID."));

    assertThatThrownBy(() -> generator.generate(request(Mode.COMPLIANCE, HAIKU)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(HAIKU).hasMessageContaining("us-east-1").hasMessageContaining("Enable access");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void unknownModelBecomesAConfigurationError() {
    server.then(error(404, "ResourceNotFoundException", "Model not found."));

    assertThatThrownBy(() -> generator.generate(request(Mode.COMPLIANCE, HAIKU)))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining(HAIKU).hasMessageContaining("Model not found");
  }

  @Test
  void tooManyTokensBecomesAClearInvalidRequestError() {
    server.then(error(400, "ValidationException", "Input is too long for requested model."));

    assertThatThrownBy(() -> generator.generate(request(Mode.COMPLIANCE, HAIKU)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Input is too long for requested model");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aBadModelIdentifierIsAConfigurationError() {
    server.then(error(400, "ValidationException", "The provided model identifier is invalid."));

    assertThatThrownBy(() -> generator.generate(request(Mode.COMPLIANCE, HAIKU)))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("model identifier is invalid");
  }

  @Test
  void rejectedCredentialsAreAConfigurationError() {
    server.then(error(403, "UnrecognizedClientException", "The security token included in the request is invalid."));

    assertThatThrownBy(() -> generator.generate(request(Mode.COMPLIANCE, HAIKU)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("UnrecognizedClientException").hasMessageContaining("credentials");
  }

  @Test
  void aProfileThatDoesNotExistIsAConfigurationErrorAndNoRequestIsSent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home)
      throws Exception {
    java.nio.file.Path configFile = java.nio.file.Files.writeString(home.resolve("config"), "[profile other]\nregion = us-east-1\n");
    String oldConfig = System.setProperty("aws.configFile", configFile.toString());
    String oldCredentials = System.setProperty("aws.sharedCredentialsFile", home.resolve("credentials").toString());
    try (BedrockAnswerGenerator byProfile = BedrockAnswerGenerator.create(
        config(server).profileCredentials("egretta-missing-profile").build())) {
      assertThatThrownBy(() -> byProfile.generate(request(Mode.COMPLIANCE, HAIKU)))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("egretta-missing-profile");
      assertThat(server.requests()).isEmpty();
    } finally {
      restore("aws.configFile", oldConfig);
      restore("aws.sharedCredentialsFile", oldCredentials);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  @Test
  void aPassingOutageIsRetriedAndAPersistentOneIsAnUpstreamError() {
    server.then(error(503, "ServiceUnavailableException", "busy"), converse("ok [Source 1]", 1, 1));
    assertThat(generator.generate(request(Mode.COMPLIANCE, HAIKU)).markdown()).isEqualTo("ok [Source 1]");

    server.then(error(500, "InternalServerException", "boom"), error(500, "InternalServerException", "boom"),
        error(500, "InternalServerException", "boom"));
    UpstreamException e = catchThrowableOfType(UpstreamException.class,
        () -> generator.generate(request(Mode.COMPLIANCE, HAIKU)));
    assertThat(e.isTimeout()).isFalse();
    assertThat(e.getMessage()).contains("boom");
  }

  @Test
  void aStalledServerTimesOutInsteadOfHanging() {
    server.then(stall(Duration.ofSeconds(8)));
    long start = System.nanoTime();

    UpstreamException e = catchThrowableOfType(UpstreamException.class,
        () -> generator.generate(request(Mode.COMPLIANCE, HAIKU)));

    assertThat(e.isTimeout()).isTrue();
    assertThat(e.getMessage()).contains("timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aMalformedBodyIsAnUpstreamError() {
    server.then(raw(200, "application/json", "{\"output\": {\"message\": [not json"));

    UpstreamException e = catchThrowableOfType(UpstreamException.class,
        () -> generator.generate(request(Mode.COMPLIANCE, HAIKU)));
    assertThat(e.getMessage()).contains(HAIKU).contains("could not be read");
  }

  @Test
  void aResponseWithoutTextIsAnUpstreamError() {
    server.then(raw(200, "application/json", "{\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":1,\"outputTokens\":0,\"totalTokens\":1}}"));

    assertThatThrownBy(() -> generator.generate(request(Mode.COMPLIANCE, HAIKU)))
        .isInstanceOf(UpstreamException.class).hasMessageContaining(HAIKU);
  }
}
