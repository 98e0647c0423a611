package dev.egretta.bedrock;

import static dev.egretta.bedrock.BedrockWireServer.JSON;
import static dev.egretta.bedrock.BedrockWireServer.error;
import static dev.egretta.bedrock.BedrockWireServer.raw;
import static dev.egretta.bedrock.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egretta.core.ConfigurationException;
import dev.egretta.core.RateLimitedException;
import dev.egretta.core.UpstreamException;
import dev.egretta.core.spi.RetrievedPassage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bedrock rerank models through the real SDK client (InvokeModel) against the local wire server. */
class BedrockRerankerTest {
  private static BedrockWireServer server;
  private static BedrockReranker reranker;

  @BeforeAll
  static void start() throws Exception {
    server = new BedrockWireServer();
    reranker = BedrockReranker.of(config(server).build(), BedrockReranker.COHERE_RERANK_V35);
  }

  @AfterAll
  static void stop() {
    reranker.close();
    server.close();
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  /** Scores each document by the query words it contains, as a rerank model answers: best first. */
  private static BedrockWireServer.Reply overlapRerank() {
    return (exchange, request) -> {
      List<String> words = List.of(request.body().path("query").asText().toLowerCase(Locale.ROOT).split("\\W+"));
      List<double[]> scored = new ArrayList<>();
      JsonNode docs = request.body().path("documents");
      for (int i = 0; i < docs.size(); i++) {
        String d = docs.get(i).asText().toLowerCase(Locale.ROOT);
        scored.add(new double[] {i, words.stream().filter(w -> w.length() > 2 && d.contains(w)).count()});
      }
      scored.sort(Comparator.comparingDouble((double[] s) -> -s[1]).thenComparingDouble(s -> s[0]));
      ObjectNode root = JSON.createObjectNode();
      var results = root.putArray("results");
      scored.forEach(s -> results.addObject().put("index", (int) s[0]).put("relevance_score", s[1] / 10));
      byte[] bytes = JSON.writeValueAsBytes(root);
      exchange.header("Content-Type", "application/json");
      exchange.sendHeaders(200, bytes.length);
      exchange.write(bytes);
    };
  }

  private static RetrievedPassage passage(String id, String heading, String text) {
    return new RetrievedPassage(id, "file:///" + id, id + ".pdf", 1, 1, heading, text, false, 0.5);
  }

  private final List<RetrievedPassage> candidates = List.of(
      passage("a", "", "Staff training happens every year."),
      passage("b", "Backups", "Backup media are encrypted and kept offsite."),
      passage("c", "", "Backups run nightly."));

  @Test
  void ordersTheCandidatesAsTheModelRanksThemAndSendsTheRerankRequest() {
    server.thenEmbedding(overlapRerank());

    List<RetrievedPassage> out = reranker.rerank("Are backup media encrypted?", candidates);

    assertThat(out).extracting(RetrievedPassage::chunkId).containsExactly("b", "c", "a");
    BedrockWireServer.Recorded request = server.requests().getFirst();
    assertThat(request.modelId()).isEqualTo(BedrockReranker.COHERE_RERANK_V35);
    assertThat(request.path()).endsWith("/invoke");
    assertThat(request.body().path("query").asText()).isEqualTo("Are backup media encrypted?");
    assertThat(request.body().path("documents")).hasSize(3);
    assertThat(request.body().path("documents").get(1).asText()).isEqualTo("Backups\nBackup media are encrypted and kept offsite.");
    assertThat(request.body().path("top_n").asInt()).isEqualTo(3);
    assertThat(request.body().path("api_version").asInt()).isEqualTo(2);
  }

  @Test
  void throttlingIsRetriedThenReportedAndAccessErrorsAreConfigurationErrors() {
    server.thenEmbedding(error(429, "ThrottlingException", "slow down"), overlapRerank());
    assertThat(reranker.rerank("backup", candidates)).hasSize(3);
    assertThat(server.requests()).hasSize(2);

    server.reset();
    server.thenEmbedding(error(429, "ThrottlingException", "slow down"), error(429, "ThrottlingException", "slow down"),
        error(429, "ThrottlingException", "slow down"));
    assertThatThrownBy(() -> reranker.rerank("backup", candidates)).isInstanceOf(RateLimitedException.class)
        .hasMessageContaining(BedrockReranker.COHERE_RERANK_V35);

    server.reset();
    server.thenEmbedding(error(403, "AccessDeniedException", "You don't have access to the model with the specified model ID."));
    assertThatThrownBy(() -> reranker.rerank("backup", candidates)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(BedrockReranker.COHERE_RERANK_V35);
  }

  @Test
  void aReplyWithABadIndexIsAnUpstreamError() {
    server.thenEmbedding(raw(200, "application/json", "{\"results\": [{\"index\": 7, \"relevance_score\": 0.9}]}"));
    assertThatThrownBy(() -> reranker.rerank("backup", candidates)).isInstanceOf(UpstreamException.class)
        .hasMessageContaining("invalid result index: 7");
  }
}
