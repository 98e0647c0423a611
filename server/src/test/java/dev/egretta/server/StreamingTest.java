package dev.egretta.server;

import static dev.egretta.server.TestServer.ALPHA_KEY;
import static dev.egretta.server.TestServer.json;
import static dev.egretta.server.TestServer.queryBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egretta.api.EgretJson;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.StreamEvent;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code "stream": true} answers Server-Sent Events, read here by a spec-following SSE parser over
 * a real HTTP client. The engine is the in-test {@link FakeEngine} (HTTP-layer test).
 */
class StreamingTest {
  private FakeEngine engine;
  private TestServer http;

  @BeforeEach
  void start() {
    engine = new FakeEngine();
    http = new TestServer(engine, b -> b.noRateLimit().maxStreamsPerOrganisation(2));
  }

  @AfterEach
  void stop() {
    http.close();
  }

  private HttpResponse<InputStream> openStream(String key) throws Exception {
    return http.client.send(http.request("/v1/query/", key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(queryBody("How many backup copies?", true))).build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  private static SseParser parser(HttpResponse<InputStream> response) {
    return new SseParser(new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8)));
  }

  @Test
  void streamsSourcesThenDeltasThenDoneEqualToTheBlockingResponse() throws Exception {
    engine.pauseBetweenDeltasMillis = 30; // long enough for heartbeats at 100 ms to appear now and then
    HttpResponse<InputStream> response = openStream(ALPHA_KEY);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("text/event-stream"));
    List<SseParser.Event> events = parser(response).all();

    List<String> types = events.stream().map(SseParser.Event::type).toList();
    assertThat(types.getFirst()).isEqualTo("sources");
    assertThat(types.getLast()).isEqualTo("done");
    assertThat(types.subList(1, types.size() - 1)).isNotEmpty().containsOnly("delta");

    StringBuilder text = new StringBuilder();
    for (SseParser.Event e : events.subList(1, events.size() - 1)) {
      text.append(((StreamEvent.Delta) StreamEvent.parse(e.type(), e.data())).text());
    }
    QueryResponse done = ((StreamEvent.Done) StreamEvent.parse("done", events.getLast().data())).response();
    assertThat(text.toString()).isEqualTo(done.response());
    StreamEvent.Sources sources = (StreamEvent.Sources) StreamEvent.parse("sources", events.getFirst().data());
    assertThat(sources.sources()).isEqualTo(done.sources());

    JsonNode blocking = json(http.post("/v1/query/", ALPHA_KEY, queryBody("How many backup copies?", false)));
    assertThat(withoutIdsAndLatencies(EgretJson.mapper().readTree(events.getLast().data())))
        .isEqualTo(withoutIdsAndLatencies(blocking));
  }

  static JsonNode withoutIdsAndLatencies(JsonNode response) {
    ObjectNode copy = response.deepCopy();
    copy.remove(List.of("session_id", "message_id"));
    ObjectNode performance = (ObjectNode) copy.get("performance");
    performance.remove(List.of("retrieval_latency_ms", "generation_latency_ms", "total_latency_ms"));
    // a local document's download link is minted afresh in every response (LocalDownloads): compare its route only
    copy.path("sources").forEach(source -> {
      if (source.path("download_url").asText().contains(LocalDownloads.PATH)) {
        ((ObjectNode) source).put("download_url", LocalDownloads.PATH);
      }
    });
    return copy;
  }

  @Test
  void sendsHeartbeatCommentsWhileTheEngineIsSilent() throws Exception {
    engine.pauseBetweenDeltasMillis = 250;
    HttpResponse<InputStream> response = openStream(ALPHA_KEY);
    SseParser parser = parser(response);
    List<SseParser.Event> events = parser.all();
    assertThat(events.getLast().type()).isEqualTo("done");
    assertThat(parser.comments()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aClientThatDisconnectsMidStreamCancelsGeneration() throws Exception {
    engine.pauseBetweenDeltasMillis = 200;
    HttpResponse<InputStream> response = openStream(ALPHA_KEY);
    SseParser parser = parser(response);
    assertThat(parser.next()).hasValueSatisfying(e -> assertThat(e.type()).isEqualTo("sources"));
    assertThat(engine.runningGenerations.get()).isEqualTo(1);

    response.body().close();

    long deadline = System.currentTimeMillis() + 5_000;
    while ((engine.runningGenerations.get() > 0 || engine.cancelledGenerations.get() == 0)
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(engine.cancelledGenerations.get()).isEqualTo(1);
    assertThat(engine.runningGenerations.get()).isZero();
    // the slot is free again: two more streams per organisation are allowed
    engine.pauseBetweenDeltasMillis = 0;
    assertThat(parser(openStream(ALPHA_KEY)).all().getLast().type()).isEqualTo("done");
  }

  @Test
  void concurrentStreamsPerKeyAreBounded() throws Exception {
    engine.pauseBetweenDeltasMillis = 300;
    HttpResponse<InputStream> first = openStream(ALPHA_KEY);
    HttpResponse<InputStream> second = openStream(ALPHA_KEY);
    HttpResponse<InputStream> third = openStream(ALPHA_KEY);
    HttpResponse<InputStream> otherKey = openStream(TestServer.BETA_KEY);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.headers().firstValue("Retry-After")).isPresent();
    assertThat(new String(third.body().readAllBytes(), StandardCharsets.UTF_8)).contains("concurrent streams");
    assertThat(otherKey.statusCode()).isEqualTo(200);
    for (HttpResponse<InputStream> r : List.of(first, second, otherKey)) {
      r.body().close();
    }
  }

  @Test
  void anUnknownSessionIsAPlainJson404BeforeAnyEvent() {
    HttpResponse<String> r = http.post("/v1/query/", ALPHA_KEY,
        "{\"query\":\"q\",\"domain\":\"business-continuity\",\"category\":\"us\",\"mode\":\"compliance\","
            + "\"stream\":true,\"session_id\":\"" + UUID.randomUUID() + "\"}");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
  }
}
