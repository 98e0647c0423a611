package dev.egretta.bedrock;

import static dev.egretta.bedrock.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Organisation;
import dev.egretta.core.generation.ModelAssist;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.ScoreCalibration;
import dev.egretta.testsupport.TestPdfs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model-decided {@code auto}, model-written suggestions and titles through Bedrock: the real SDK and
 * LangChain4j clients against the local wire server, a Lucene index of a PDF written by the test.
 */
class BedrockModelAssistTest {
  private static final String QUESTION = "How should we organise contingency plan testing?";

  @TempDir
  static Path temp;
  private static BedrockWireServer server;
  private static BedrockAnswerGenerator generator;
  private static BedrockEmbeddings titan;
  private static EgrettaEngine engine;

  @BeforeAll
  static void start() throws Exception {
    TestPdfs.write(temp.resolve("corpus/business-continuity/pdf/us/contingency.pdf"), List.of(
        "Contingency Plan Testing\n\nThe contingency plan is tested at least annually using functional exercises. "
            + "The Contingency Plan Coordinator reports the results of each test to the System Owner within 30 days.",
        "Backup and Restore\n\nUser-level information is backed up daily and system-level information is backed up "
            + "weekly. The integrity of backup information is verified by restore tests at least quarterly."));
    server = new BedrockWireServer();
    BedrockConfig bedrock = config(server).build();
    generator = BedrockAnswerGenerator.create(bedrock);
    titan = BedrockEmbeddings.titanV2(bedrock, 256);
    LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(temp.resolve("index"),
        // a stricter midpoint than WireEngine's: a question sharing no word with the PDF (cosine ~0) falls under the floor
        LuceneConfig.builder().embeddingModel(titan).calibration(new ScoreCalibration(0.3, 20.0)).build());
    kb.ingest(LocalFolderSource.of(temp.resolve("corpus")), IngestOptions.publicLibrary(), IngestListener.NONE);
    engine = EgrettaEngine.builder().retriever(kb).generator(generator).modelCatalog(BedrockModelCatalog.create())
        .modelAssist(ModelAssist.of(generator.assistModel(Fixtures.NOVA_LITE), Duration.ofSeconds(5)))
        .build();
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      engine.close();
    }
    if (generator != null) {
      generator.close();
    }
    if (titan != null) {
      titan.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  /** The Converse calls (the Titan embedding calls of retrieval and evidence selection left out). */
  private static List<BedrockWireServer.Recorded> converseCalls() {
    return server.requests().stream().filter(r -> r.path().endsWith("/converse")).toList();
  }

  private static QueryResponse ask(Mode mode) {
    return engine.query(ValidatedQuery.of(QUESTION, "business-continuity", "us", mode), Organisation.LOCAL);
  }

  @Test
  void theAssistModelRoutesAutoAndWritesSuggestionsAndTitle() {
    server.then(
        BedrockWireServer.converse("compliance", 40, 1),
        BedrockWireServer.converse("The contingency plan is tested at least annually using functional exercises. "
            + "[Source 1]", 900, 30),
        BedrockWireServer.converse("{\"title\": \"Contingency plan testing\", \"suggestions\": ["
            + "\"Who receives the results of each contingency plan test?\", \"How often is backup information verified "
            + "by restore tests?\", \"What is the airspeed velocity of an unladen swallow?\"]}", 700, 40));
    QueryResponse r = ask(Mode.AUTO);

    List<BedrockWireServer.Recorded> calls = converseCalls();
    assertThat(calls).hasSize(3);
    assertThat(calls.get(0).modelId()).isEqualTo(Fixtures.NOVA_LITE);
    assertThat(calls.get(0).body().at("/system/0/text").asText()).contains("compliance or advisory");
    assertThat(calls.get(1).modelId()).isEqualTo(Fixtures.HAIKU);
    // the model said compliance although the keywords ("how should we") say advisory: the answer prompt is compliance's
    assertThat(calls.get(1).body().at("/system/0/text").asText()).contains("Mode: compliance");
    assertThat(calls.get(2).modelId()).isEqualTo(Fixtures.NOVA_LITE);
    assertThat(calls.get(2).body().at("/inferenceConfig/maxTokens").asInt()).isEqualTo(400);

    assertThat(r.suggestions()).contains("Who receives the results of each contingency plan test?")
        .doesNotContain("What is the airspeed velocity of an unladen swallow?");
    assertThat(r.usage().inputTokens()).as("usage is the answer's").isEqualTo(900);
    assertThat(engine.recentSessions(Organisation.LOCAL, 1).getFirst().title()).isEqualTo("Contingency plan testing");
  }

  @Test
  void aThrottledAssistModelFallsBackToKeywordsAndTemplates() {
    BedrockWireServer.Reply throttled = BedrockWireServer.error(429, "ThrottlingException", "Rate exceeded");
    server.then(throttled, throttled, throttled,
        BedrockWireServer.converse("The contingency plan is tested at least annually using functional exercises. "
            + "[Source 1]", 900, 30),
        throttled, throttled, throttled);
    QueryResponse r = ask(Mode.AUTO);
    List<BedrockWireServer.Recorded> calls = converseCalls();
    assertThat(calls).hasSize(7);
    assertThat(calls.get(3).modelId()).isEqualTo(Fixtures.HAIKU);
    assertThat(calls.get(3).body().at("/system/0/text").asText()).as("the keywords' choice").contains("Mode: advisory");
    assertThat(r.response()).contains("[Source 1]");
    assertThat(engine.recentSessions(Organisation.LOCAL, 1).getFirst().title()).isEqualTo(QUESTION);
  }
}
