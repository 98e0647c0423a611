package dev.egretta.cli;

import dev.egretta.core.metrics.EgrettaMetrics;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The CLI's meters: engines record into Micrometer's global registry, which holds nothing (and so
 * costs next to nothing) until {@code serve} adds the Prometheus registry it exposes at
 * {@code /metrics}.
 */
final class ServeMetrics {
  private ServeMetrics() {}

  /** What every engine the CLI opens records into. */
  static EgrettaMetrics engineMetrics() {
    return EgrettaMetrics.of(Metrics.globalRegistry);
  }

  /** A Prometheus registry with the JVM's own meters, added to the global registry the engine records into. */
  static PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Metrics.addRegistry(registry);
    return registry;
  }
}
