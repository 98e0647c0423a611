package dev.egretta.bedrock;

import static dev.egretta.bedrock.BedrockWireServer.error;
import static dev.egretta.bedrock.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.RateLimitedException;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Titan Text Embeddings v2 through the real SDK client (InvokeModel) against the local wire server. */
class BedrockEmbeddingsTest {
  private static BedrockWireServer server;
  private static BedrockEmbeddings titan;

  @BeforeAll
  static void start() throws Exception {
    server = new BedrockWireServer();
    titan = BedrockEmbeddings.titanV2(config(server).build(), 256);
  }

  @AfterAll
  static void stop() {
    titan.close();
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  @Test
  void embedsEachTextWithTheConfiguredDimensionsAndCountsTokens() {
    Response<List<Embedding>> response = titan.embedAll(List.of(
        TextSegment.from("backup restore procedures are tested annually"),
        TextSegment.from("restore procedures for backups"),
        TextSegment.from("incident reporting hotline")));

    List<Embedding> vectors = response.content();
    assertThat(vectors).hasSize(3).allMatch(e -> e.dimension() == 256);
    assertThat(titan.dimension()).isEqualTo(256);
    assertThat(vectors.get(0).vector()).isNotEqualTo(vectors.get(2).vector());
    assertThat(dot(vectors.get(0), vectors.get(1))).isGreaterThan(dot(vectors.get(0), vectors.get(2)));
    assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(6 + 4 + 3);

    BedrockWireServer.Recorded request = server.requests().get(0);
    assertThat(request.modelId()).isEqualTo(BedrockEmbeddings.TITAN_V2);
    assertThat(request.path()).endsWith("/invoke");
    assertThat(request.body().path("inputText").asText()).isEqualTo("backup restore procedures are tested annually");
    assertThat(request.body().path("dimensions").asInt()).isEqualTo(256);
    assertThat(request.body().path("normalize").asBoolean()).isTrue();
  }

  @Test
  void throttlingIsRetriedPerTextThenReported() {
    server.thenEmbedding(error(429, "ThrottlingException", "slow down"), BedrockWireServer.titanEmbedding());
    assertThat(titan.embed("hello world again").content().dimension()).isEqualTo(256);
    assertThat(server.requests()).hasSize(2);

    server.reset();
    server.thenEmbedding(error(429, "ThrottlingException", "slow down"), error(429, "ThrottlingException", "slow down"),
        error(429, "ThrottlingException", "slow down"));
    assertThatThrownBy(() -> titan.embed("hello")).isInstanceOf(RateLimitedException.class)
        .hasMessageContaining(BedrockEmbeddings.TITAN_V2);
  }

  @Test
  void aModelNotEnabledIsAConfigurationError() {
    server.thenEmbedding(error(403, "AccessDeniedException", "You don't have access to the model with the specified model ID."));

    assertThatThrownBy(() -> titan.embed("hello")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(BedrockEmbeddings.TITAN_V2).hasMessageContaining("us-east-1");
  }

  @Test
  void rejectsDimensionsTitanDoesNotOffer() {
    assertThatThrownBy(() -> BedrockEmbeddings.titanV2(config(server).build(), 384))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("384");
  }

  private static double dot(Embedding a, Embedding b) {
    double sum = 0;
    for (int i = 0; i < a.dimension(); i++) {
      sum += a.vector()[i] * b.vector()[i];
    }
    return sum;
  }
}
