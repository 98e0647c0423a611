package dev.egretta.server;

import static dev.egretta.server.TestServer.ALPHA_KEY;
import static dev.egretta.server.TestServer.BETA_KEY;
import static dev.egretta.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Body and upload size limits (413) and the per-organisation rate limit (429). HTTP-layer test over {@link FakeEngine}. */
class LimitsTest {

  private static String oversizedQuery() {
    char[] filler = new char[(1 << 20) + 10];
    Arrays.fill(filler, 'a');
    return "{\"query\":\"" + new String(filler) + "\",\"domain\":\"d\",\"category\":\"c\",\"mode\":\"auto\"}";
  }

  @Test
  void aJsonBodyOverOneMebibyteIsRefusedWith413() {
    try (TestServer http = new TestServer(new FakeEngine(), b -> b.noRateLimit())) {
      HttpResponse<String> declared = http.post("/v1/query/", ALPHA_KEY, oversizedQuery());
      assertThat(declared.statusCode()).isEqualTo(413);
      assertThat(json(declared).get("detail").asText()).contains("1048576");

      // no Content-Length (chunked): counted while reading
      byte[] bytes = oversizedQuery().getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> chunked = http.send(http.request("/v1/query/", ALPHA_KEY)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build());
      assertThat(chunked.statusCode()).isEqualTo(413);

      // the server is still fine afterwards
      assertThat(http.get("/v1/models/", ALPHA_KEY).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anUploadOverTheLimitIsRefusedWith413() {
    InMemoryDocuments documents = new InMemoryDocuments();
    try (TestServer http = new TestServer(new FakeEngine(),
        b -> b.noRateLimit().privateDocuments(documents).maxUploadBytes(100_000))) {
      byte[] big = new byte[300_000];
      System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 5);
      HttpResponse<String> declared = http.send(Multipart.upload(http, ALPHA_KEY, "big.pdf", big, false));
      assertThat(declared.statusCode()).isEqualTo(413);
      HttpResponse<String> chunked = http.send(Multipart.upload(http, ALPHA_KEY, "big.pdf", big, true));
      assertThat(chunked.statusCode()).isEqualTo(413);
      assertThat(documents.list(TestServer.ALPHA)).isEmpty();

      byte[] small = Arrays.copyOf(big, 50_000);
      assertThat(http.send(Multipart.upload(http, ALPHA_KEY, "small.pdf", small, true)).statusCode()).isEqualTo(201);
    }
  }

  @Test
  void eachOrganisationHasItsOwnRateLimitAnsweredWith429AndRetryAfter() {
    try (TestServer http = new TestServer(new FakeEngine(), b -> b.rateLimit(3, Duration.ofMinutes(1)))) {
      for (int i = 0; i < 3; i++) {
        assertThat(http.get("/v1/models/", ALPHA_KEY).statusCode()).isEqualTo(200);
      }
      HttpResponse<String> limited = http.get("/v1/models/", ALPHA_KEY);
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
          v -> assertThat(Integer.parseInt(v)).isBetween(1, 20));
      assertThat(json(limited).get("detail").asText()).contains("Rate limit");
      assertThat(http.get("/v1/models/", BETA_KEY).statusCode()).isEqualTo(200);
      assertThat(http.get("/health", null).statusCode()).isEqualTo(200);
    }
  }

  // An organisation with two keys used to get twice the limit: buckets and stream slots are per organisation.
  @Test
  void rateAndStreamLimitsArePerOrganisationNotPerKey() throws Exception {
    String second = "egret_alpha-second-key";
    FakeEngine engine = new FakeEngine();
    engine.pauseBetweenDeltasMillis = 300;
    try (TestServer http = new TestServer(engine, b -> b
        .apiKeys(ApiKeys.of(java.util.Map.of(ALPHA_KEY, TestServer.ALPHA, second, TestServer.ALPHA,
            BETA_KEY, TestServer.BETA)))
        .rateLimitPerMinute(4)
        .maxStreamsPerOrganisation(1))) {
      assertThat(http.get("/v1/models/", ALPHA_KEY).statusCode()).isEqualTo(200);
      assertThat(http.get("/v1/models/", ALPHA_KEY).statusCode()).isEqualTo(200);
      assertThat(http.get("/v1/models/", second).statusCode()).isEqualTo(200);
      var stream = http.client.send(http.request("/v1/query/", ALPHA_KEY).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(TestServer.queryBody("q", true))).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      assertThat(stream.statusCode()).isEqualTo(200);
      HttpResponse<String> limited = http.get("/v1/models/", second);
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(json(limited).get("detail").asText()).contains("organisation");
      assertThat(http.get("/v1/models/", BETA_KEY).statusCode()).isEqualTo(200);
      stream.body().close();
    }
    try (TestServer http = new TestServer(engine, b -> b
        .apiKeys(ApiKeys.of(java.util.Map.of(ALPHA_KEY, TestServer.ALPHA, second, TestServer.ALPHA)))
        .rateLimitPerMinute(0)
        .maxStreamsPerOrganisation(1))) {
      var first = http.client.send(http.request("/v1/query/", ALPHA_KEY).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(TestServer.queryBody("q", true))).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      assertThat(first.statusCode()).isEqualTo(200);
      HttpResponse<String> other = http.post("/v1/query/", second, TestServer.queryBody("q", true));
      assertThat(other.statusCode()).isEqualTo(429);
      assertThat(json(other).get("detail").asText()).contains("organisation");
      first.body().close();
      for (int i = 0; i < 20; i++) { // 0 = no rate limit
        assertThat(http.get("/v1/models/", second).statusCode()).isEqualTo(200);
      }
    }
  }
}
