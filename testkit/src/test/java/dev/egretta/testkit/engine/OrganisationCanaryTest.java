package dev.egretta.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.EgretJson;
import dev.egretta.api.KnowledgeScope;
import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.StreamEvent;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Engine;
import dev.egretta.core.Organisation;
import dev.egretta.core.generation.ChatModelAnswerGenerator;
import dev.egretta.core.generation.ExtractiveAnswerGenerator;
import dev.egretta.core.spi.ModelCatalog;
import dev.egretta.core.spi.ModelEntry;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary: three organisations hold near-identical private memos that differ only in a unique token.
 * Many queries in every scope, sequential and concurrent, blocking and streamed, with the extractive
 * generator and a prompt-capturing LangChain4j model: no foreign token ever appears in sources,
 * prompts, answers or suggestions.
 */
class OrganisationCanaryTest {

  @TempDir
  static Path dir;

  private static Engine engine;
  private static final CapturingChatModel MODEL = new CapturingChatModel();
  private static final ModelEntry CAPTURE = new ModelEntry("capture", "Capturing", "test", 1, true, false, 0, 0);

  private static final List<String> QUESTIONS = List.of(
      "What is our recovery site codename?",
      "Who verifies the backups of the recovery site?",
      "Who approves the contingency plan?",
      "What is the hotline codename?");

  @BeforeAll
  static void indexAndBuild() throws IOException {
    Fixture.writeLibrary(dir.resolve("docs"));
    LuceneKnowledgeBase kb = Fixture.index(dir.resolve("docs"), dir.resolve("index"));
    engine = EgrettaEngine.builder().retriever(kb)
        .modelCatalog(ModelCatalog.of(List.of(ExtractiveAnswerGenerator.MODEL, CAPTURE)))
        .generator("capture", ChatModelAnswerGenerator.of(MODEL))
        .build();
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.close();
    }
  }

  /** Everything a caller receives, as one string. */
  private static String ask(Organisation org, String question, KnowledgeScope scope, boolean llm) {
    ValidatedQuery q = ValidatedQuery.of(question, "business-continuity", "us", Mode.AUTO).withKnowledgeScope(scope);
    if (llm) {
      q = q.withModelId("capture");
    }
    CapturingChatModel.CALLER.set(org);
    try {
      QueryResponse r = engine.query(q, org);
      return EgretJson.write(r);
    } finally {
      CapturingChatModel.CALLER.remove();
    }
  }

  private static void assertNoForeignCanary(Organisation org, String seen, KnowledgeScope scope) {
    for (Organisation other : Fixture.ORGS) {
      if (!other.equals(org)) {
        assertThat(seen).as("%s (%s) must never see %s's canary", org, scope, other).doesNotContain(Fixture.canary(other));
      }
    }
    if (scope == KnowledgeScope.PUBLIC) {
      assertThat(seen).doesNotContain("QZ");
    }
  }

  @Test
  void sequentialQueriesInEveryScopeNeverLeak() {
    int own = 0;
    for (Organisation org : Fixture.ORGS) {
      for (KnowledgeScope scope : KnowledgeScope.values()) {
        for (String q : QUESTIONS) {
          for (boolean llm : List.of(false, true)) {
            String seen = ask(org, q, scope, llm);
            assertNoForeignCanary(org, seen, scope);
            own += seen.contains(Fixture.canary(org)) ? 1 : 0;
          }
        }
      }
    }
    assertThat(own).as("the canary test must be able to fail: organisations do see their own token").isPositive();
    assertPromptsClean();
  }

  @Test
  void concurrentQueriesNeverLeak() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int round = 0; round < 1; round++) {
        for (Organisation org : Fixture.ORGS) {
          for (KnowledgeScope scope : KnowledgeScope.values()) {
            for (String q : QUESTIONS) {
              boolean llm = (q.length() + round) % 2 == 0;
              futures.add(pool.submit(() -> assertNoForeignCanary(org, ask(org, q, scope, llm), scope)));
            }
          }
        }
      }
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertPromptsClean();
  }

  @Test
  void streamedQueriesNeverLeak() throws Exception {
    List<Runnable> checks = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(Fixture.ORGS.size() * QUESTIONS.size());
    for (Organisation org : Fixture.ORGS) {
      for (String q : QUESTIONS) {
        StringBuilder seen = new StringBuilder();
        engine.stream(ValidatedQuery.of(q, "business-continuity", "us", Mode.COMPLIANCE), org, event -> {
          seen.append(event.toSse());
          if (event instanceof StreamEvent.Done || event instanceof StreamEvent.Error) {
            checks.add(() -> assertNoForeignCanary(org, seen.toString(), KnowledgeScope.ALL));
            done.countDown();
          }
        });
      }
    }
    assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
    checks.forEach(Runnable::run);
    assertThat(checks).hasSize(Fixture.ORGS.size() * QUESTIONS.size());
  }

  private static void assertPromptsClean() {
    assertThat(MODEL.prompts).isNotEmpty();
    for (CapturingChatModel.Captured c : MODEL.prompts) {
      assertThat(c.org()).isNotNull();
      for (Organisation other : Fixture.ORGS) {
        if (!other.equals(c.org())) {
          assertThat(c.text()).as("prompt for %s", c.org()).doesNotContain(Fixture.canary(other));
        }
      }
    }
  }
}
