package dev.egretta.core.metrics;

import dev.egretta.api.QueryResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Egretta's Micrometer instrumentation: an observation per query and per stage (retrieval,
 * reranking, generation; timers through the registry's meter handler, spans through a tracing
 * handler when the application has one) and counters of answers, tokens, cost and ingested
 * documents. Names are in {@link MeterNames}.
 *
 * <p>{@link #NOOP}, the engine's default, records nothing and costs a branch per stage, so library
 * users without a registry pay nothing. {@link #of(MeterRegistry)} is for a plain registry (the
 * standalone server's Prometheus one): timers come from observations handled by that registry.
 * {@link #of(MeterRegistry, ObservationRegistry)} is for applications whose observation registry
 * already has a meter handler and tracing (Spring Boot's). Thread-safe.
 *
 * <pre>{@code
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * Engine engine = EgrettaEngine.builder().retriever(kb).metrics(EgrettaMetrics.of(registry)).build();
 * }</pre>
 */
public final class EgrettaMetrics {
  /** Records nothing. */
  public static final EgrettaMetrics NOOP = new EgrettaMetrics(null, ObservationRegistry.NOOP);

  /** The outcomes {@link #document(String)} accepts. */
  public static final Set<String> DOCUMENT_OUTCOMES = Set.of("ingested", "unchanged", "rejected");

  private final MeterRegistry meters;
  private final ObservationRegistry observations;

  private EgrettaMetrics(MeterRegistry meters, ObservationRegistry observations) {
    this.meters = meters;
    this.observations = observations;
  }

  /** Timers and counters in {@code registry}; observations exist only to time the stages. */
  public static EgrettaMetrics of(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(registry));
    return new EgrettaMetrics(registry, observations);
  }

  /**
   * Counters in {@code registry}; timers and spans from {@code observations}, which should carry a
   * meter handler (Spring Boot's does) for the timers to appear.
   */
  public static EgrettaMetrics of(MeterRegistry registry, ObservationRegistry observations) {
    return new EgrettaMetrics(Objects.requireNonNull(registry, "registry"),
        Objects.requireNonNull(observations, "observations"));
  }

  /** Whether anything is recorded. */
  public boolean enabled() {
    return meters != null;
  }

  /** Runs a blocking query under the {@link MeterNames#QUERY} observation and counts its answer. */
  public QueryResponse query(Supplier<QueryResponse> query) {
    if (!enabled()) {
      return query.get();
    }
    QueryObservation run = startQuery();
    try (Observation.Scope scope = run.openScope()) {
      QueryResponse response = query.get();
      run.finished(response);
      return response;
    } catch (RuntimeException | Error e) {
      run.failed(e);
      throw e;
    }
  }

  /**
   * Starts the observation of a query whose stages may run on other threads (a stream); the caller
   * ends it with {@link QueryObservation#finished}, {@code failed} or {@code cancelled}.
   */
  public QueryObservation startQuery() {
    return new QueryObservation(this, enabled() ? Observation.start(MeterNames.QUERY, observations) : null);
  }

  /** Times the retrieval stage. */
  public <T> T retrieval(Supplier<T> stage) {
    return stage(MeterNames.RETRIEVAL, null, stage);
  }

  /** Times a reranking stage (for the reranker between retrieval and the context judgement). */
  public <T> T rerank(Supplier<T> stage) {
    return stage(MeterNames.RERANK, null, stage);
  }

  /** Times a blocking generation by {@code modelId}. */
  public <T> T generation(String modelId, Supplier<T> stage) {
    return stage(MeterNames.GENERATION, modelId, stage);
  }

  /** Counts one document of an ingestion run; {@code outcome} is one of {@link #DOCUMENT_OUTCOMES}. */
  public void document(String outcome) {
    if (!DOCUMENT_OUTCOMES.contains(outcome)) {
      throw new IllegalArgumentException("document outcome must be one of " + DOCUMENT_OUTCOMES + "; got " + outcome);
    }
    if (enabled()) {
      meters.counter(MeterNames.DOCUMENTS, "outcome", outcome).increment();
    }
  }

  private <T> T stage(String name, String modelId, Supplier<T> stage) {
    if (!enabled()) {
      return stage.get();
    }
    Observation observation = Observation.createNotStarted(name, observations);
    if (modelId != null) {
      observation.lowCardinalityKeyValue("model", modelId);
    }
    return observation.observe(stage);
  }

  /** A started observation of {@code name} under {@code parent} (the stream's generation); null when disabled. */
  Observation start(String name, String modelId, Observation parent) {
    if (!enabled()) {
      return null;
    }
    Observation observation = Observation.createNotStarted(name, observations).parentObservation(parent);
    if (modelId != null) {
      observation.lowCardinalityKeyValue("model", modelId);
    }
    return observation.start();
  }

  /** The counters of one finished answer: answers, tokens and cost by model. */
  void count(QueryResponse response) {
    String model = response.usage().model();
    boolean insufficient = response.contextQuality().insufficientContext();
    meters.counter(MeterNames.ANSWERS, "model", model, "insufficient_context", Boolean.toString(insufficient)).increment();
    meters.counter(MeterNames.TOKENS, "model", model, "type", "input").increment(response.usage().inputTokens());
    meters.counter(MeterNames.TOKENS, "model", model, "type", "output").increment(response.usage().outputTokens());
    Counter.builder(MeterNames.COST).baseUnit("usd").tag("model", model).register(meters)
        .increment(response.usage().costUsd());
  }
}
