package dev.egretta.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Organisation;
import dev.egretta.core.metrics.EgrettaMetrics;
import dev.egretta.core.spi.CorpusInventory;
import dev.egretta.core.spi.DomainCategory;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.Retriever;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics}: the engine's meters in Prometheus' text format, over real HTTP, only when configured. */
class MetricsRouteTest {

  /** One public passage in business-continuity/us; enough for the real engine to answer with a citation. */
  private static final class OnePassage implements Retriever, CorpusInventory {
    @Override
    public List<RetrievedPassage> retrieve(RetrievalRequest request) {
      return List.of(new RetrievedPassage("c1", "file:///lib/plan.pdf", "plan.pdf", 2, 2, "Approval",
          "The contingency plan is approved by the Chief Information Officer every year.", false, 0.9));
    }

    @Override
    public Set<DomainCategory> domainCategories(Organisation caller) {
      return Set.of(new DomainCategory("business-continuity", "us"));
    }

    @Override
    public boolean hasPrivateDocuments(Organisation caller) {
      return false;
    }
  }

  @Test
  void metricsAreServedWithoutAKeyAndCountTheQueries() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    EgrettaEngine engine = EgrettaEngine.builder().retriever(new OnePassage()).metrics(EgrettaMetrics.of(registry)).build();
    try (TestServer http = new TestServer(engine, b -> b.metrics(registry))) {
      HttpResponse<String> answer = http.post("/v1/query/", TestServer.ALPHA_KEY,
          TestServer.queryBody("Who approves the contingency plan?", false));
      assertThat(answer.statusCode()).isEqualTo(200);

      HttpResponse<String> metrics = http.get("/metrics", null);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type")).hasValue(MetricsRoute.CONTENT_TYPE);
      assertThat(metrics.body())
          .containsPattern("egretta_query_seconds_count\\{[^}]*outcome=\"answered\"[^}]*} 1")
          .containsPattern("egretta_retrieval_seconds_count(\\{[^}]*})? 1")
          .containsPattern("egretta_answers_total\\{[^}]*insufficient_context=\"false\"[^}]*} 1")
          .doesNotContain("alpha") // no organisation appears
          .doesNotContain("contingency");
    }
  }

  @Test
  void withoutARegistryThereIsNoMetricsRoute() {
    try (TestServer http = TestServer.withFakeEngineAndDocuments()) {
      HttpResponse<String> metrics = http.get("/metrics", null);
      assertThat(metrics.statusCode()).isEqualTo(404);
      assertThat(TestServer.json(metrics).get("detail").asText()).isEqualTo("Not found.");
    }
  }
}
