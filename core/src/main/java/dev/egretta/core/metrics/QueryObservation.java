package dev.egretta.core.metrics;

import dev.egretta.api.QueryResponse;
import io.micrometer.observation.Observation;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The observation of one query from {@link EgrettaMetrics#startQuery()}: open its scope around the
 * stages that run on the starting thread, time a streamed generation with {@link #generation}, and
 * end it exactly once with {@link #finished}, {@link #failed} or {@link #cancelled} (later calls do
 * nothing). Does nothing when the metrics are {@link EgrettaMetrics#NOOP}.
 */
public final class QueryObservation {
  private static final Observation.Scope NO_SCOPE = Observation.Scope.NOOP;

  private final EgrettaMetrics metrics;
  private final Observation observation;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile Observation generation;

  QueryObservation(EgrettaMetrics metrics, Observation observation) {
    this.metrics = metrics;
    this.observation = observation;
  }

  /** Makes this query the current observation on this thread until the scope closes. */
  public Observation.Scope openScope() {
    return observation == null ? NO_SCOPE : observation.openScope();
  }

  /** Starts timing a generation that ends on another thread, when this query ends. */
  public void startGeneration(String modelId) {
    generation = metrics.start(MeterNames.GENERATION, modelId, observation);
  }

  /** The query answered (or found the context insufficient): counts it and stops the timers. */
  public void finished(QueryResponse response) {
    if (observation == null || !ended.compareAndSet(false, true)) {
      return;
    }
    metrics.count(response);
    boolean insufficient = response.contextQuality().insufficientContext();
    observation.lowCardinalityKeyValue("model", response.usage().model());
    observation.lowCardinalityKeyValue("outcome", insufficient ? "insufficient_context" : "answered");
    stop(null);
  }

  /** The query failed with {@code error} (null when only an error event is known). */
  public void failed(Throwable error) {
    end("error", error);
  }

  /** The client cancelled the query (a stream it left). */
  public void cancelled() {
    end("cancelled", null);
  }

  private void end(String outcome, Throwable error) {
    if (observation == null || !ended.compareAndSet(false, true)) {
      return;
    }
    observation.lowCardinalityKeyValue("model", "unknown");
    observation.lowCardinalityKeyValue("outcome", outcome);
    stop(error);
  }

  private void stop(Throwable error) {
    Observation g = generation;
    if (g != null) {
      if (error != null) {
        g.error(error);
      }
      g.stop();
    }
    if (error != null) {
      observation.error(error);
    }
    observation.stop();
  }
}
