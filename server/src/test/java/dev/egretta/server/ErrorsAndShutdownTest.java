package dev.egretta.server;

import static dev.egretta.server.TestServer.ALPHA_KEY;
import static dev.egretta.server.TestServer.json;
import static dev.egretta.server.TestServer.queryBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.RateLimitedException;
import dev.egretta.core.UpstreamException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How engine exceptions reach the client, and graceful shutdown. HTTP-layer test over {@link FakeEngine}. */
class ErrorsAndShutdownTest {

  private static HttpResponse<String> queryFailingWith(RuntimeException failure) {
    FakeEngine engine = new FakeEngine();
    engine.failure = q -> failure;
    try (TestServer http = new TestServer(engine, b -> b.noRateLimit())) {
      return http.post("/v1/query/", ALPHA_KEY, queryBody("q", false));
    }
  }

  @Test
  void engineExceptionsMapToTheirStatus() {
    HttpResponse<String> limited = queryFailingWith(new RateLimitedException("Bedrock throttled", Duration.ofMillis(2500)));
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");

    assertThat(queryFailingWith(new UpstreamException("model failed")).statusCode()).isEqualTo(502);
    assertThat(queryFailingWith(new UpstreamException("slow", true, null)).statusCode()).isEqualTo(504);
    HttpResponse<String> config = queryFailingWith(new ConfigurationException("model m is not enabled"));
    assertThat(config.statusCode()).isEqualTo(503);
    assertThat(json(config).get("detail").asText()).contains("model m is not enabled");
  }

  @Test
  void unexpectedFailuresAnswerAGeneric500WithoutInternals() {
    HttpResponse<String> r = queryFailingWith(new IllegalStateException("secret internal state at Foo.java:42"));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).isEqualTo("{\"detail\":\"Internal server error.\"}");
  }

  @Test
  void closeLetsRunningRequestsFinishRefusesNewOnesAndClosesTheEngine() throws Exception {
    FakeEngine engine = new FakeEngine();
    InMemoryDocuments documents = new InMemoryDocuments();
    CountDownLatch gate = new CountDownLatch(1);
    engine.queryGate = gate;
    TestServer http = new TestServer(engine, b -> b.noRateLimit().privateDocuments(documents));
    CompletableFuture<HttpResponse<String>> running = CompletableFuture.supplyAsync(
        () -> http.post("/v1/query/", ALPHA_KEY, queryBody("q", false)));
    assertThat(engine.queryEntered.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> closing = CompletableFuture.runAsync(http::close);
    long deadline = System.currentTimeMillis() + 10_000;
    while (http.get("/health", null).statusCode() != 503 && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }

    HttpResponse<String> refused = http.get("/v1/models/", ALPHA_KEY);
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(http.get("/health", null).statusCode()).isEqualTo(503);
    assertThat(closing).isNotDone();
    assertThat(engine.closed).isFalse();

    gate.countDown();
    assertThat(running.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    closing.get(10, TimeUnit.SECONDS);
    assertThat(engine.closed).isTrue();
    assertThat(documents.closed).isTrue();
  }

  @Test
  void closeCancelsStreamsThatOutliveTheShutdownTimeout() throws Exception {
    FakeEngine engine = new FakeEngine();
    engine.pauseBetweenDeltasMillis = 1_000;
    TestServer http = new TestServer(engine, b -> b.noRateLimit().shutdownTimeout(Duration.ofMillis(300)));
    var response = http.client.send(http.request("/v1/query/", ALPHA_KEY).header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(queryBody("q", true))).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    SseParser parser = new SseParser(new java.io.BufferedReader(new java.io.InputStreamReader(response.body())));
    assertThat(parser.next()).hasValueSatisfying(e -> assertThat(e.type()).isEqualTo("sources"));

    long start = System.nanoTime();
    http.close();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(engine.cancelledGenerations.get()).isEqualTo(1);
    var rest = parser.all();
    assertThat(rest).isNotEmpty();
    assertThat(rest.getLast().type()).isEqualTo("error");
  }

  @Test
  void aPortInUseIsAConfigurationErrorNamingIt() {
    try (TestServer first = new TestServer(new FakeEngine(), b -> b)) {
      int taken = first.server.port();
      EgrettaServer second = EgrettaServer.builder().engine(new FakeEngine())
          .apiKeys(ApiKeys.of(java.util.Map.of())).port(taken).build();
      org.assertj.core.api.Assertions.assertThatThrownBy(second::start)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + taken);
      assertThat(first.get("/health", null).headers().firstValue("Server")).isEmpty();
    }
  }

  @Test
  void theBuilderNamesWhatIsMissingOrWrong() {
    // a missing part is a configuration error, like the engine builder's (the CLI prints it as one line)
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EgrettaServer.builder().build())
        .isInstanceOf(dev.egretta.core.ConfigurationException.class).hasMessageContaining("engine is required");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EgrettaServer.builder().engine(new FakeEngine()).build())
        .isInstanceOf(dev.egretta.core.ConfigurationException.class).hasMessageContaining("apiKeys is required");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EgrettaServer.builder().port(70_000))
        .hasMessageContaining("port must be 0..65535; got 70000");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EgrettaServer.builder().maxStreamsPerOrganisation(0))
        .hasMessageContaining("maxStreamsPerOrganisation must be >= 1; got 0");
  }
}
