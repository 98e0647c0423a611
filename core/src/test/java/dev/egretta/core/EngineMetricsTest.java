package dev.egretta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.StreamEvent;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.metrics.EgrettaMetrics;
import dev.egretta.core.metrics.MeterNames;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class EngineMetricsTest {

  private static ValidatedQuery ask(String q) {
    return ValidatedQuery.of(q, "business-continuity", "us", Mode.COMPLIANCE);
  }

  @Test
  void aBlockingQueryIsTimedStageByStageAndCounted() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    QueryResponse r;
    try (Engine engine = EgrettaEngine.builder().retriever(FixedRetriever.library())
        .metrics(EgrettaMetrics.of(registry)).build()) {
      r = engine.query(ask("Who approves the contingency plan?"), Organisation.LOCAL);
    }
    String model = r.usage().model();
    Timer query = registry.get(MeterNames.QUERY).tag("model", model).tag("outcome", "answered").timer();
    assertThat(query.count()).isEqualTo(1);
    assertThat(registry.get(MeterNames.RETRIEVAL).timer().count()).isEqualTo(1); // suggestions' checks are not the query's retrieval
    assertThat(registry.get(MeterNames.GENERATION).tag("model", model).timer().count()).isEqualTo(1);
    assertThat(registry.get(MeterNames.ANSWERS).tag("insufficient_context", "false").counter().count()).isEqualTo(1);
    assertThat(registry.get(MeterNames.TOKENS).tag("type", "input").counter().count()).isEqualTo(r.usage().inputTokens());
    assertThat(registry.get(MeterNames.TOKENS).tag("type", "output").counter().count())
        .isEqualTo(r.usage().outputTokens()).isPositive();
  }

  @Test
  void aRerankingStageIsTimed() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Engine engine = EgrettaEngine.builder().retriever(FixedRetriever.library())
        .reranker((question, candidates) -> candidates.reversed()).metrics(EgrettaMetrics.of(registry)).build()) {
      engine.query(ask("Who approves the contingency plan?"), Organisation.LOCAL);
    }
    // at least the query's own retrieval; checking suggestions retrieves (and reranks) again
    assertThat(registry.get(MeterNames.RERANK).timer().count()).isPositive();
  }

  @Test
  void anUncoveredQuestionCountsAsInsufficientWithoutGeneration() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Engine engine = EgrettaEngine.builder().retriever(FixedRetriever.library())
        .metrics(EgrettaMetrics.of(registry)).build()) {
      QueryResponse r = engine.query(ask("What colour are the office chairs in Lisbon?"), Organisation.LOCAL);
      assertThat(r.contextQuality().insufficientContext()).isTrue();
    }
    assertThat(registry.get(MeterNames.ANSWERS).tag("insufficient_context", "true").counter().count()).isEqualTo(1);
    assertThat(registry.get(MeterNames.QUERY).tag("outcome", "insufficient_context").timer().count()).isEqualTo(1);
    assertThat(registry.find(MeterNames.GENERATION).timer()).isNull();
  }

  @Test
  void aStreamedQueryIsTimedUntilItsDoneEventAndItsStagesAreChildrenOfTheQuery() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ObservationRegistry observations = ObservationRegistry.create();
    Map<String, String> parents = new ConcurrentHashMap<>();
    observations.observationConfig()
        .observationHandler(new DefaultMeterObservationHandler(registry))
        .observationHandler(new ObservationHandler<>() {
          @Override
          public void onStop(Observation.Context context) {
            var parent = context.getParentObservation();
            parents.put(context.getName(), parent == null ? "" : parent.getContextView().getName());
          }

          @Override
          public boolean supportsContext(Observation.Context context) {
            return true;
          }
        });
    try (Engine engine = EgrettaEngine.builder().retriever(FixedRetriever.library())
        .metrics(EgrettaMetrics.of(registry, observations)).build()) {
      EngineStreamingTest.Collector c = new EngineStreamingTest.Collector();
      engine.stream(ask("Who approves the contingency plan?"), Organisation.LOCAL, c);
      List<StreamEvent> events = c.await();
      assertThat(events.getLast()).isInstanceOf(StreamEvent.Done.class);
    }
    assertThat(registry.get(MeterNames.QUERY).tag("outcome", "answered").timer().count()).isEqualTo(1);
    assertThat(registry.get(MeterNames.GENERATION).timer().count()).isEqualTo(1);
    assertThat(registry.get(MeterNames.ANSWERS).counter().count()).isEqualTo(1);
    assertThat(parents).containsEntry(MeterNames.RETRIEVAL, MeterNames.QUERY)
        .containsEntry(MeterNames.GENERATION, MeterNames.QUERY).containsEntry(MeterNames.QUERY, "");
  }

  @Test
  void theDefaultRecordsNothingAndDocumentOutcomesAreChecked() {
    assertThat(EgrettaMetrics.NOOP.enabled()).isFalse();
    assertThat(EgrettaMetrics.NOOP.rerank(() -> 42)).isEqualTo(42);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EgrettaMetrics metrics = EgrettaMetrics.of(registry);
    metrics.document("ingested");
    metrics.document("rejected");
    metrics.document("ingested");
    assertThat(registry.get(MeterNames.DOCUMENTS).tag("outcome", "ingested").counter().count()).isEqualTo(2);
    assertThatThrownBy(() -> metrics.document("lost")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lost");
  }
}
