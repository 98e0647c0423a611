package dev.egretta.bedrock;

import static dev.egretta.bedrock.BedrockWireServer.converse;
import static dev.egretta.bedrock.StreamReplies.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.StreamEvent;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.ModelEntry;
import dev.egretta.core.spi.TokenUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole flow with Bedrock parts: a real EPA PDF indexed by the Lucene knowledge base with Titan
 * v2 embeddings, the engine's query pipeline, and Bedrock generation; Bedrock is the local wire
 * server. The usage and cost of the Egret response come from the server's token counts.
 */
class BedrockEngineEndToEndTest {
  private static final String PDF = "business-continuity/pdf/us/epa_contingency_planning_procedure.pdf";
  private static final String QUESTION = "How often must the information system contingency plan be tested?";

  @TempDir
  static Path temp;
  private static WireEngine wire;
  private static BedrockWireServer server;
  private static EgrettaEngine engine;

  @BeforeAll
  static void start() throws Exception {
    Path shared = Path.of(System.getProperty("egretta.shared", "../shared"));
    Path pdf = shared.resolve("corpus").resolve(PDF);
    assumeTrue(Files.isReadable(pdf), "shared corpus not present at " + pdf + "; skipping the end-to-end test");
    Path corpus = temp.resolve("corpus");
    Files.createDirectories(corpus.resolve(PDF).getParent());
    Files.copy(pdf, corpus.resolve(PDF));
    wire = WireEngine.over(corpus, temp.resolve("index"));
    server = wire.server();
    engine = wire.engine();
  }

  @AfterAll
  static void stop() {
    if (wire != null) {
      wire.close();
    }
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  @Test
  void aBlockingQueryReturnsEgretsResponseWithBedrocksUsageAndCost() {
    // page 4 holds "Test the contingency plan ... annually thereafter"; the model cites it by its number in the prompt
    server.then(BedrockWireServer.citing("# Testing\n\nThe contingency plan is tested at least annually [Source {p4}].",
        false, 9042, 597));

    QueryResponse response = engine.query(ValidatedQuery.of(QUESTION, "business-continuity", "us", Mode.COMPLIANCE),
        Organisation.LOCAL);

    assertThat(response.response()).containsPattern("tested at least annually \\[Source \\d+]");
    assertThat(response.sources()).isNotEmpty();
    assertThat(citedPage(response)).isEqualTo(4);
    assertThat(response.sources().get(0).filename()).isEqualTo("epa_contingency_planning_procedure.pdf");
    assertThat(response.usage().model()).isEqualTo(BedrockModelCatalog.DEFAULT_MODEL_ID);
    assertThat(response.usage().inputTokens()).isEqualTo(9042);
    assertThat(response.usage().outputTokens()).isEqualTo(597);
    ModelEntry haiku = BedrockModelCatalog.create().resolve(Optional.empty());
    assertThat(response.usage().costUsd()).isCloseTo(haiku.costUsd(new TokenUsage(9042, 597)), Offset.offset(1e-6));

    BedrockWireServer.Recorded converse = server.requests().stream().filter(r -> r.path().endsWith("/converse"))
        .findFirst().orElseThrow();
    assertThat(converse.modelId()).isEqualTo(BedrockModelCatalog.DEFAULT_MODEL_ID);
    String prompt = converse.body().at("/messages/0/content/0/text").asText();
    assertThat(prompt).contains("<documents>").contains("epa_contingency_planning_procedure.pdf").contains(QUESTION);
  }

  @Test
  void aStreamedQueryForwardsBedrocksDeltasAndEndsWithTheFullResponse() throws Exception {
    server.then(BedrockWireServer.citing("The plan is tested annually [Source {p4}].", true, 1500, 40));
    List<StreamEvent> events = new CopyOnWriteArrayList<>();
    CompletableFuture<StreamEvent> end = new CompletableFuture<>();

    engine.stream(ValidatedQuery.of(QUESTION, "business-continuity", "us", Mode.COMPLIANCE)
        .withModelId("us.amazon.nova-lite-v1:0"), Organisation.LOCAL, event -> {
          events.add(event);
          if (event instanceof StreamEvent.Done || event instanceof StreamEvent.Error) {
            end.complete(event);
          }
        });

    assertThat(end.get(30, TimeUnit.SECONDS)).isInstanceOf(StreamEvent.Done.class);
    assertThat(events.get(0)).isInstanceOf(StreamEvent.Sources.class);
    assertThat(events.stream().filter(StreamEvent.Delta.class::isInstance).count()).isGreaterThanOrEqualTo(5);
    QueryResponse response = ((StreamEvent.Done) end.get()).response();
    assertThat(response.response()).containsPattern("tested annually \\[Source \\d+]");
    assertThat(citedPage(response)).isEqualTo(4);
    assertThat(response.usage().inputTokens()).isEqualTo(1500);
    assertThat(response.usage().outputTokens()).isEqualTo(40);
    assertThat(response.usage().costUsd()).isCloseTo(1.5 * 0.00006 + 0.04 * 0.00024, Offset.offset(1e-6));
    assertThat(server.requests()).filteredOn(BedrockWireServer.Recorded::streaming)
        .extracting(BedrockWireServer.Recorded::modelId).containsExactly("us.amazon.nova-lite-v1:0");
  }

  /** The page of the source that the response's first {@code [Source N]} cites. */
  private static int citedPage(QueryResponse response) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[Source (\\d+)]").matcher(response.response());
    assertThat(m.find()).as("a citation in " + response.response()).isTrue();
    return response.sources().get(Integer.parseInt(m.group(1)) - 1).pageNumber();
  }
}
