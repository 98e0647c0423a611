package dev.egretta.server;

import static dev.egretta.server.TestServer.ALPHA_KEY;
import static dev.egretta.server.TestServer.BETA_KEY;
import static dev.egretta.server.TestServer.json;
import static dev.egretta.server.TestServer.queryBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route's success path, JSON shape, authentication and organisation isolation, against a
 * running server with a real HTTP client. The engine is the in-test {@link FakeEngine}: these tests
 * are about the HTTP layer; {@code EndToEndServerTest} runs the real engine.
 */
class HttpApiTest {
  private FakeEngine engine;
  private InMemoryDocuments documents;
  private TestServer http;

  @BeforeEach
  void start() {
    engine = new FakeEngine();
    documents = new InMemoryDocuments();
    http = new TestServer(engine, b -> b.noRateLimit().privateDocuments(documents));
  }

  @AfterEach
  void stop() {
    http.close();
  }

  private String newSession(String key) {
    HttpResponse<String> r = http.post("/v1/query/", key, queryBody("How many backup copies?", false));
    assertThat(r.statusCode()).isEqualTo(200);
    return json(r).get("session_id").asText();
  }

  @Test
  void queryAnswersTheEgretResponseShape() {
    HttpResponse<String> r = http.post("/v1/query/", ALPHA_KEY, queryBody("How many backup copies?", false));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode body = json(r);
    assertThat(iterable(body.fieldNames())).containsExactly("response", "sources", "suggestions", "context_quality",
        "usage", "performance", "session_id", "message_id");
    assertThat(body.get("response").asText()).isEqualTo(FakeEngine.ANSWER);
    assertThat(iterable(body.get("sources").get(0).fieldNames())).containsExactly("uri", "filename", "page_number",
        "excerpt", "score", "relevance", "source_type", "download_url", "is_private");
    assertThat(body.get("sources").get(0).get("relevance").asText()).isEqualTo("Highly Relevant");
    assertThat(UUID.fromString(body.get("session_id").asText())).isNotNull();
    assertThat(engine.lastQueryOnVirtualThread).as("requests run on virtual threads").isTrue();
  }

  @Test
  void acceptsTheModelAliasAndTrailingSlashlessPaths() {
    HttpResponse<String> r = http.post("/v1/query", ALPHA_KEY,
        "{\"query\":\"q\",\"domain\":\"business-continuity\",\"category\":\"us\",\"mode\":\"auto\",\"model\":\"m-1\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("usage").get("model").asText()).isEqualTo("m-1");
  }

  @Test
  void sessionsListMessagesRenameAndDelete() {
    String id = newSession(ALPHA_KEY);

    HttpResponse<String> recent = http.get("/v1/sessions/recent/?limit=5", ALPHA_KEY);
    assertThat(recent.statusCode()).isEqualTo(200);
    JsonNode first = json(recent).get(0);
    assertThat(iterable(first.fieldNames())).containsExactly("session_id", "title", "domain_slug", "domain_name",
        "category_name", "category_code", "created_at", "last_activity_at", "message_count");
    assertThat(first.get("session_id").asText()).isEqualTo(id);
    assertThat(first.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

    JsonNode messages = json(http.get("/v1/sessions/" + id + "/messages/", ALPHA_KEY));
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).get("sender").asText()).isEqualTo("user");
    assertThat(messages.get(0).get("context_quality").isNull()).isTrue();
    assertThat(messages.get(1).get("sender").asText()).isEqualTo("assistant");
    assertThat(iterable(messages.get(1).fieldNames())).containsExactly("session_id", "sender", "content",
        "bedrock_model_id", "sources", "input_tokens", "output_tokens", "created_at", "context_quality");

    HttpResponse<String> renamed = http.post("/v1/sessions/" + id + "/rename/", ALPHA_KEY, "{\"title\":\"  Backups  \"}");
    assertThat(renamed.statusCode()).isEqualTo(200);
    assertThat(renamed.body()).isEqualTo("{\"session_id\":\"" + id + "\",\"title\":\"Backups\"}");

    HttpResponse<String> deleted = http.delete("/v1/sessions/" + id + "/delete/", ALPHA_KEY);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(http.get("/v1/sessions/" + id + "/messages/", ALPHA_KEY).statusCode()).isEqualTo(404);
    assertThat(json(http.get("/v1/sessions/recent/", ALPHA_KEY))).isEmpty();
  }

  @Test
  void modelsDomainsAndCategories() {
    JsonNode models = json(http.get("/v1/models/", ALPHA_KEY));
    assertThat(iterable(models.get(0).fieldNames())).containsExactly("model_id", "name", "tier", "credit_cost",
        "supports_streaming", "is_default");
    assertThat(http.get("/v1/domains/", ALPHA_KEY).body())
        .isEqualTo("[{\"slug\":\"business-continuity\",\"name\":\"Business Continuity\"}]");
    assertThat(http.get("/v1/domains/business-continuity/categories/", ALPHA_KEY).body())
        .isEqualTo("[{\"code\":\"us\",\"name\":\"United States\"}]");
    assertThat(http.get("/v1/domains/unknown/categories/", ALPHA_KEY).statusCode()).isEqualTo(404);
  }

  @Test
  void healthNeedsNoKey() {
    HttpResponse<String> r = http.get("/health", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
  }

  static Stream<String[]> protectedRoutes() {
    String id = UUID.randomUUID().toString();
    return Stream.of(
        new String[] {"POST", "/v1/query/"},
        new String[] {"GET", "/v1/sessions/recent/?limit=5"},
        new String[] {"GET", "/v1/sessions/" + id + "/messages/"},
        new String[] {"POST", "/v1/sessions/" + id + "/rename/"},
        new String[] {"DELETE", "/v1/sessions/" + id + "/delete/"},
        new String[] {"GET", "/v1/models/"},
        new String[] {"GET", "/v1/domains/"},
        new String[] {"GET", "/v1/domains/business-continuity/categories/"},
        new String[] {"POST", "/v1/knowledge-base/documents/"},
        new String[] {"GET", "/v1/knowledge-base/documents/"},
        new String[] {"DELETE", "/v1/knowledge-base/documents/" + id + "/"});
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("protectedRoutes")
  void everyProtectedRouteAnswers401WithoutAValidKey(String method, String path) {
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (String auth : new String[] {null, "Bearer egret_wrong", "Basic YWxhZGRpbjpvcGVuc2VzYW1l", "Bearer "}) {
      HttpRequest.Builder b = http.request(path, null).method(method, HttpRequest.BodyPublishers.ofString(
          queryBody("q", false)));
      if (auth != null) {
        b.header("Authorization", auth);
      }
      answers.add(http.send(b.build()));
    }
    assertThat(answers).allSatisfy(r -> {
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      assertThat(json(r).get("detail").asText()).isNotBlank();
    });
    assertThat(engine.recentSessions(TestServer.ALPHA, 10)).isEmpty();
  }

  @Test
  void anotherOrganisationsSessionIsIndistinguishableFromAnUnknownOne() {
    String id = newSession(ALPHA_KEY);
    String unknown = UUID.randomUUID().toString();

    for (String[] call : new String[][] {{"GET", "/messages/"}, {"POST", "/rename/"}, {"DELETE", "/delete/"}}) {
      HttpResponse<String> foreign = http.send(http.request("/v1/sessions/" + id + call[1], BETA_KEY)
          .header("Content-Type", "application/json").method(call[0], HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")).build());
      HttpResponse<String> missing = http.send(http.request("/v1/sessions/" + unknown + call[1], BETA_KEY)
          .header("Content-Type", "application/json").method(call[0], HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")).build());
      assertThat(foreign.statusCode()).as(call[0] + " " + call[1]).isEqualTo(404);
      assertThat(foreign.body()).isEqualTo(missing.body().replace(unknown, id));
    }
    HttpResponse<String> continued = http.post("/v1/query/", BETA_KEY,
        "{\"query\":\"q\",\"domain\":\"business-continuity\",\"category\":\"us\",\"mode\":\"compliance\","
            + "\"session_id\":\"" + id + "\"}");
    assertThat(continued.statusCode()).isEqualTo(404);
    assertThat(json(http.get("/v1/sessions/recent/", BETA_KEY))).isEmpty();
    assertThat(json(http.get("/v1/sessions/" + id + "/messages/", ALPHA_KEY))).hasSize(2);
  }

  @Test
  void malformedSessionIdsAnswer404() {
    assertThat(http.get("/v1/sessions/not-a-uuid/messages/", ALPHA_KEY).statusCode()).isEqualTo(404);
  }

  @Test
  void invalidQueriesAnswer400NamingEachField() {
    HttpResponse<String> r = http.post("/v1/query/", ALPHA_KEY, "{\"query\":\" \",\"mode\":\"fast\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode body = json(r);
    assertThat(body.get("detail").asText()).startsWith("Invalid request: ");
    assertThat(body.get("errors").findValuesAsText("field")).containsExactly("query", "domain", "category", "mode");

    assertThat(json(http.post("/v1/query/", ALPHA_KEY, "{not json")).get("errors").get(0).get("field").asText())
        .isEqualTo("body");
    assertThat(http.post("/v1/query/", ALPHA_KEY, "").statusCode()).isEqualTo(400);
    assertThat(http.post("/v1/query/", ALPHA_KEY, "[" .repeat(1000)).statusCode()).isEqualTo(400);
    assertThat(http.post("/v1/sessions/" + newSession(ALPHA_KEY) + "/rename/", ALPHA_KEY, "{\"title\":\"\"}")
        .statusCode()).isEqualTo(400);
    HttpResponse<String> limit = http.get("/v1/sessions/recent/?limit=0", ALPHA_KEY);
    assertThat(limit.statusCode()).isEqualTo(400);
    assertThat(json(limit).get("errors").get(0).get("field").asText()).isEqualTo("limit");
  }

  @Test
  void theAccessLogNamesTheOrganisationButNeverTheKeyOrTheBody() throws Exception {
    java.util.logging.Logger access = java.util.logging.Logger.getLogger("dev.egretta.server.access");
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    java.util.logging.Level before = access.getLevel();
    access.setLevel(java.util.logging.Level.INFO);
    access.addHandler(capture);
    try {
      http.post("/v1/query/", ALPHA_KEY, queryBody("secret-question-marker", false));
      http.get("/v1/models/", "egret_wrong-key-marker");
      long deadline = System.currentTimeMillis() + 5_000;
      while (lines.size() < 2 && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
    } finally {
      access.removeHandler(capture);
      access.setLevel(before);
    }
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("POST /v1/query/ 200 ").endsWith("org=alpha"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("GET /v1/models/ 401 ").endsWith("org=-"));
    assertThat(String.join("\n", lines)).doesNotContain(ALPHA_KEY, "secret-question-marker", "wrong-key-marker");
  }

  @Test
  void unknownRoutesAnswerJson404() {
    HttpResponse<String> r = http.get("/v1/nothing-here/", ALPHA_KEY);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).get("detail").asText()).isEqualTo("Not found.");
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
