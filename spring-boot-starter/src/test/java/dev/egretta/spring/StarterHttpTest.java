package dev.egretta.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.api.EgretJson;
import dev.egretta.core.Engine;
import dev.egretta.core.Organisation;
import dev.egretta.server.ApiKeys;
import dev.egretta.server.EgrettaServer;
import dev.egretta.server.LocalDownloads;
import dev.egretta.server.WebUi;
import dev.egretta.testsupport.TestPdfs;
import dev.egretta.spring.testapp.TestApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Spring Boot application with the starter, over real HTTP: the Egret API on Spring MVC (blocking
 * and streamed), Actuator health and Prometheus metrics, over generated PDFs indexed at start-up by
 * the real Lucene index and embedding model.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"egretta.http.enabled=true", "management.endpoints.web.exposure.include=health,prometheus",
        "management.endpoint.health.show-details=always",
        // spring-boot-starter-jdbc is on the test class path for PostgresSessionsTest: no DataSource here.
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
class StarterHttpTest {
  private static final TestCorpus CORPUS = TestCorpus.create("acme");
  /** A key of another organisation, in the same keys file (read when the application starts). */
  private static final String OTHER_KEY = otherOrganisationKey();
  private static final String QUESTION = "{\"query\":\"What is the recovery time objective for payment processing?\","
      + "\"domain\":\"business-continuity\",\"category\":\"us\",\"mode\":\"compliance\"";

  @DynamicPropertySource
  static void egretta(DynamicPropertyRegistry registry) {
    registry.add("egretta.index-dir", CORPUS.index::toString);
    registry.add("egretta.documents-dir", CORPUS.documents::toString);
    registry.add("egretta.http.api-keys-file", CORPUS.keysFile::toString);
  }

  @Value("${local.server.port}")
  int port;

  @Autowired
  Engine engine;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder api(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + CORPUS.key);
  }

  private HttpRequest.Builder post(String path, String json) {
    return api(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
  }

  @Test
  void aQueryIsAnsweredWithPageCitationsInEgretsJson() throws Exception {
    HttpResponse<String> r = send(post("/v1/query/", QUESTION + "}"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode body = EgretJson.mapper().readTree(r.body());
    assertThat(body.get("response").asText()).contains("4 hours").contains("[Source 1]");
    JsonNode first = body.get("sources").get(0);
    assertThat(first.get("filename").asText()).isEqualTo("continuity-plan.pdf");
    assertThat(first.get("page_number").asInt()).isEqualTo(1);
    // The server's public URIs: the documents folder by name, never this machine's path.
    assertThat(first.get("uri").asText()).isEqualTo("file:documents/business-continuity/pdf/us/continuity-plan.pdf");
    assertThat(body.get("usage").get("model").asText()).isEqualTo("egretta-extractive");

    // The session's history through the API equals the engine's, written by the same JSON writer.
    String session = body.get("session_id").asText();
    HttpResponse<String> messages = send(api("/v1/sessions/" + session + "/messages/").GET());
    assertThat(messages.statusCode()).isEqualTo(200);
    JsonNode history = EgretJson.mapper().readTree(messages.body());
    assertThat(history).hasSize(2);
    assertThat(history.get(1).get("content").asText()).isEqualTo(body.get("response").asText());
    assertThat(history.get(1).get("sources").get(0).get("uri").asText()).isEqualTo(first.get("uri").asText());
    assertThat(send(api("/v1/models").GET()).body()).isEqualTo(EgretJson.write(engine.models()));
  }

  @Test
  void aStreamedQuerySendsSourcesDeltasAndDoneAsServerSentEvents() throws Exception {
    HttpResponse<String> r = send(post("/v1/query/", QUESTION + ",\"stream\":true}"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    List<String[]> events = new ArrayList<>();
    for (String block : r.body().split("\n\n")) {
      String[] lines = block.split("\n");
      if (lines.length == 2 && lines[0].startsWith("event: ") && lines[1].startsWith("data: ")) {
        events.add(new String[] {lines[0].substring(7), lines[1].substring(6)});
      }
    }
    assertThat(events).extracting(e -> e[0]).startsWith("sources").endsWith("done").contains("delta");
    StringBuilder deltas = new StringBuilder();
    for (String[] e : events) {
      if (e[0].equals("delta")) {
        deltas.append(EgretJson.mapper().readTree(e[1]).get("text").asText());
      }
    }
    JsonNode done = EgretJson.mapper().readTree(events.getLast()[1]);
    assertThat(done.get("response").asText()).isEqualTo(deltas.toString()).contains("[Source 1]");
    assertThat(done.get("sources").get(0).get("uri").asText()).startsWith("file:documents/");
  }

  @Test
  void refusalsUseTheContractsErrorBody() throws Exception {
    HttpResponse<String> noKey = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/domains/")).GET());
    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(noKey.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(EgretJson.mapper().readTree(noKey.body()).get("detail").asText()).contains("Bearer");

    HttpResponse<String> wrongKey = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/domains/"))
        .header("Authorization", "Bearer egret_wrong").GET());
    assertThat(wrongKey.statusCode()).isEqualTo(401);
    assertThat(wrongKey.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");

    HttpResponse<String> invalid = send(post("/v1/query/", "{\"query\":\"\",\"domain\":\"nowhere\",\"category\":\"us\"}"));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(EgretJson.mapper().readTree(invalid.body()).get("errors")).isNotEmpty();

    HttpResponse<String> notJson = send(api("/v1/query/").header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(QUESTION + "}")));
    assertThat(notJson.statusCode()).isEqualTo(415);

    HttpResponse<String> unknownSession = send(api("/v1/sessions/3f1c1f9e-0000-4000-8000-000000000000/messages/").GET());
    assertThat(unknownSession.statusCode()).isEqualTo(404);
    assertThat(EgretJson.mapper().readTree(unknownSession.body()).get("detail").asText()).contains("not found");
  }

  @Test
  void anOrganisationUploadsQueriesAndDeletesAPrivateDocument() throws Exception {
    byte[] pdf = TestPdfs.pdf().page("Vendor access\n\nVendors must use multi-factor authentication for remote "
        + "access to the payment systems.").bytes();
    String boundary = "egretta-boundary";
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"domain\"\r\n\r\nvendors\r\n--"
        + boundary + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nus\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"vendor-access.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    body.writeBytes(pdf);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HttpResponse<String> upload = send(api("/v1/knowledge-base/documents/")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    JsonNode document = EgretJson.mapper().readTree(upload.body());
    assertThat(document.get("uri").asText()).startsWith("file:uploads/acme/").endsWith("/vendor-access.pdf");

    HttpResponse<String> answer = send(post("/v1/query/", "{\"query\":\"Must vendors use multi-factor authentication?\","
        + "\"domain\":\"vendors\",\"category\":\"us\",\"mode\":\"compliance\",\"knowledge_scope\":\"private\"}"));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(EgretJson.mapper().readTree(answer.body()).get("sources").get(0).get("is_private").asBoolean()).isTrue();

    assertThat(send(api("/v1/knowledge-base/documents/").GET()).body()).contains(document.get("document_id").asText());
    HttpResponse<String> missingField = send(api("/v1/knowledge-base/documents/")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
            + "name=\"domain\"\r\n\r\nvendors\r\n--" + boundary + "--\r\n")));
    assertThat(missingField.statusCode()).isEqualTo(400);
    assertThat(EgretJson.mapper().readTree(missingField.body()).get("errors")).extracting(e -> e.get("field").asText())
        .containsExactly("file", "category");
    assertThat(send(api("/v1/knowledge-base/documents/" + document.get("document_id").asText() + "/").DELETE())
        .statusCode()).isEqualTo(204);
  }

  private static String otherOrganisationKey() {
    ApiKeys.GeneratedKey key = ApiKeys.generate(Organisation.of("globex"));
    ApiKeys.append(CORPUS.keysFile, key);
    return key.key();
  }

  @Test
  void aLocalDocumentsDownloadLinkOpensForItsOrganisationOnly() throws Exception {
    HttpResponse<String> r = send(post("/v1/query/", QUESTION + "}"));
    JsonNode first = EgretJson.mapper().readTree(r.body()).get("sources").get(0);
    String link = first.get("download_url").asText();
    assertThat(link).startsWith("http://127.0.0.1:" + port + "/v1/downloads/").endsWith("/");

    HttpResponse<byte[]> own = http.send(HttpRequest.newBuilder(URI.create(link))
        .header("Authorization", "Bearer " + CORPUS.key).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    assertThat(own.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
        .startsWith("attachment; filename=\"continuity-plan.pdf\""));
    assertThat(own.body()).isEqualTo(java.nio.file.Files.readAllBytes(
        CORPUS.documents.resolve("business-continuity/pdf/us/continuity-plan.pdf")));

    HttpResponse<String> other = send(HttpRequest.newBuilder(URI.create(link))
        .header("Authorization", "Bearer " + OTHER_KEY).GET());
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(EgretJson.mapper().readTree(other.body()).get("detail").asText()).isEqualTo(LocalDownloads.NOT_FOUND);
    assertThat(send(HttpRequest.newBuilder(URI.create(link)).GET()).statusCode()).isEqualTo(401);
    String altered = link.substring(0, link.length() - 3) + (link.charAt(link.length() - 3) == 'A' ? "B" : "A") + "/";
    assertThat(send(api(altered.substring(link.indexOf("/v1/"))).GET()).statusCode()).isEqualTo(404);

    // Session history carries the same document with a fresh link, streamed events too.
    String session = EgretJson.mapper().readTree(r.body()).get("session_id").asText();
    JsonNode history = EgretJson.mapper().readTree(send(api("/v1/sessions/" + session + "/messages/").GET()).body());
    String again = history.get(1).get("sources").get(0).get("download_url").asText();
    assertThat(again).startsWith("http://127.0.0.1:" + port + "/v1/downloads/").isNotEqualTo(link);
    assertThat(send(api(again.substring(again.indexOf("/v1/"))).GET()).statusCode()).isEqualTo(200);
    assertThat(send(post("/v1/query/", QUESTION + ",\"stream\":true}")).body())
        .contains("\"download_url\":\"http://127.0.0.1:" + port + "/v1/downloads/");
  }

  @Test
  void theChatPageIsServedWithoutAKeyUnderItsContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).GET());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy")).contains(WebUi.CONTENT_SECURITY_POLICY);
    assertThat(page.body()).contains("data-testid=\"question\"").contains("assets/app.js");
    HttpResponse<String> script = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/assets/app.js")).GET());
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("X-Frame-Options")).contains("DENY");
  }

  @Test
  void actuatorReportsEgrettasHealthAndPrometheusMetrics() throws Exception {
    assertThat(send(post("/v1/query/", QUESTION + "}")).statusCode()).isEqualTo(200);
    assertThat(send(post("/v1/query/", "{\"query\":\"Which colour are the chairs in the Lisbon office?\","
        + "\"domain\":\"business-continuity\",\"category\":\"us\",\"mode\":\"compliance\"}")).statusCode()).isEqualTo(200);

    HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET());
    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode egretta = EgretJson.mapper().readTree(health.body()).get("components").get("egretta");
    assertThat(egretta.get("status").asText()).isEqualTo("UP");
    assertThat(egretta.get("details").get("index").asText()).matches("open, [1-9][0-9]* chunks");
    assertThat(egretta.get("details").get("model").asText()).isEqualTo("ready, default egretta-extractive");
    assertThat(egretta.get("details").get("sessions").asText()).startsWith("reachable");

    HttpResponse<String> prometheus = send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).GET());
    assertThat(prometheus.statusCode()).isEqualTo(200);
    String metrics = prometheus.body();
    assertThat(metrics).containsPattern("egretta_query_seconds_count\\{[^}]*outcome=\"answered\"[^}]*} [1-9]")
        .containsPattern("egretta_query_seconds_count\\{[^}]*outcome=\"insufficient_context\"[^}]*} [1-9]")
        .containsPattern("egretta_retrieval_seconds_count(\\{[^}]*})? [1-9]")
        .containsPattern("egretta_generation_seconds_count\\{[^}]*model=\"egretta-extractive\"[^}]*} [1-9]")
        .containsPattern("egretta_answers_total\\{[^}]*insufficient_context=\"true\"[^}]*} [1-9]")
        .containsPattern("egretta_tokens_total\\{[^}]*type=\"output\"[^}]*} [1-9]")
        .containsPattern("egretta_documents_total\\{[^}]*outcome=\"ingested\"[^}]*} 2");
  }

  /** The same requests to {@code egretta serve}'s Javalin server over the same engine get the same answers. */
  @Test
  void egrettaServeAndTheStarterAnswerTheSameRequestsAlike() throws Exception {
    try (EgrettaServer serve = EgrettaServer.builder().engine(engine).closeEngine(false).apiKeysFile(CORPUS.keysFile)
        .sourceRoot("documents", CORPUS.documents).sourceRoot("uploads", CORPUS.root.resolve("uploads"))
        .noRateLimit().port(0).build().start()) {
      String spring = "http://127.0.0.1:" + port;
      String javalin = serve.baseUrl();
      for (String path : List.of("/v1/models/", "/v1/domains/", "/v1/domains/business-continuity/categories/",
          "/v1/domains/nowhere/categories/", "/v1/sessions/recent/?limit=0", "/v1/sessions/recent/?limit=3",
          "/v1/sessions/not-a-session/messages/")) {
        assertSame(path, HttpRequest.newBuilder().GET().header("Authorization", "Bearer " + CORPUS.key), spring, javalin,
            false);
      }
      assertSame("no key", HttpRequest.newBuilder().GET(), spring + "/v1/models/", javalin + "/v1/models/", false);
      for (String body : List.of(QUESTION + "}", QUESTION + ",\"model_id\":\"no-such-model\"}", "{\"query\":1}",
          "{\"query\":\"Who approves the contingency plan?\",\"domain\":\"business-continuity\",\"category\":\"us\","
              + "\"mode\":\"compliance\",\"session_id\":\"3f1c1f9e-0000-4000-8000-000000000000\"}")) {
        assertSame(body, HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Authorization", "Bearer " + CORPUS.key).header("Content-Type", "application/json"),
            spring + "/v1/query/", javalin + "/v1/query/", true);
      }
      String streamed = QUESTION + ",\"stream\":true}";
      HttpRequest.Builder stream = HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.ofString(streamed))
          .header("Authorization", "Bearer " + CORPUS.key).header("Content-Type", "application/json");
      List<String> a = sseWithoutVolatileFields(send(stream.copy().uri(URI.create(spring + "/v1/query/"))).body());
      List<String> b = sseWithoutVolatileFields(send(stream.copy().uri(URI.create(javalin + "/v1/query/"))).body());
      assertThat(a).isEqualTo(b).hasSizeGreaterThan(2);
    }
  }

  private void assertSame(String what, HttpRequest.Builder request, String spring, String javalin, boolean answer)
      throws Exception {
    boolean paths = what.startsWith("/");
    HttpResponse<String> a = send(request.copy().uri(URI.create(paths ? spring + what : spring)));
    HttpResponse<String> b = send(request.copy().uri(URI.create(paths ? javalin + what : javalin)));
    assertThat(a.statusCode()).as(what).isEqualTo(b.statusCode());
    assertThat(a.headers().firstValue("WWW-Authenticate")).as(what).isEqualTo(b.headers().firstValue("WWW-Authenticate"));
    assertThat(withoutVolatileFields(a.body(), answer)).as(what + ": " + a.body())
        .isEqualTo(withoutVolatileFields(b.body(), answer));
  }

  /**
   * Two answers to one question differ only in their session, message and timings, and in local
   * documents' download links: each server mints them under its own URL, with a fresh random nonce.
   */
  private static JsonNode withoutVolatileFields(String json, boolean answer) throws IOException {
    JsonNode tree = EgretJson.mapper().readTree(json);
    if (answer && tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      o.remove(List.of("session_id", "message_id", "performance"));
    }
    withoutLocalDownloadLinks(tree);
    return tree;
  }

  private static void withoutLocalDownloadLinks(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.path("download_url").asText("")
        .contains("/v1/downloads/")) {
      o.putNull("download_url");
    }
    node.forEach(StarterHttpTest::withoutLocalDownloadLinks);
  }

  private static List<String> sseWithoutVolatileFields(String body) throws IOException {
    List<String> events = new ArrayList<>();
    for (String block : body.split("\n\n")) {
      if (block.startsWith("event: ")) {
        String[] lines = block.split("\n", 2);
        events.add(lines[0] + "\n" + withoutVolatileFields(lines[1].substring("data: ".length()), true));
      }
    }
    return events;
  }
}
