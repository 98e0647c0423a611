package dev.egretta.server;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics}: the registry in Prometheus' text format. Like {@code /health} it needs no
 * key and is not rate limited, so that a scraper needs no organisation's credentials; it holds
 * counts and timings by model and outcome, never a question, an answer, a document or an
 * organisation. Servers bound beyond loopback should keep it behind their proxy, or turn it off.
 */
final class MetricsRoute {
  /** Prometheus' text exposition format, version 0.0.4. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private MetricsRoute() {}

  static void register(Javalin app, PrometheusMeterRegistry registry) {
    app.get("/metrics", ctx -> ctx.contentType(CONTENT_TYPE).result(registry.scrape()));
  }
}
