package dev.egretta.server;

import static dev.egretta.server.TestServer.ALPHA_KEY;
import static dev.egretta.server.TestServer.BETA_KEY;
import static dev.egretta.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.api.EgretJson;
import dev.egretta.api.StreamEvent;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.generation.ExtractiveAnswerGenerator;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.LucenePrivateDocuments;
import dev.egretta.testsupport.TestPdfs;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The server over the real engine and a real Lucene index of PDFs written by the test: blocking
 * and streamed answers agree, sessions and private documents stay within their organisation, and
 * a client that disconnects stops generation. Built once for the class (embedding takes seconds).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndServerTest {
  private static final String QUESTION = "How many copies of critical data must be kept?";

  private Path dir;
  private LuceneKnowledgeBase kb;
  private SlowGenerator generator;
  private TestServer http;

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("egretta-e2e");
    Path corpus = dir.resolve("corpus/business-continuity/pdf/us");
    TestPdfs.write(corpus.resolve("backup.pdf"), List.of(
        "Backup policy. Organisations must keep three copies of critical data, on two different media, with one "
            + "copy stored offsite. Backups are tested every quarter by restoring a sample of files.",
        "Retention. Backup copies of critical data are retained for seven years and encrypted at rest."));
    TestPdfs.write(corpus.resolve("incident.pdf"), List.of(
        "Incident response. Security incidents must be reported to the incident response team within one hour "
            + "of discovery. The team classifies the incident and notifies affected parties."));
    kb = LuceneKnowledgeBase.open(dir.resolve("index"));
    kb.ingest(LocalFolderSource.of(dir.resolve("corpus")), IngestOptions.publicLibrary(), IngestListener.NONE);
    generator = new SlowGenerator();
    EgrettaEngine engine = EgrettaEngine.builder()
        .retriever(kb)
        .modelCatalog(ExtractiveAnswerGenerator.CATALOG)
        .generator(generator)
        .build();
    http = new TestServer(engine, b -> b.noRateLimit()
        .sourceRoot("corpus", dir.resolve("corpus")) // the uploads folder is left unnamed: its fallback form is tested
        .privateDocuments(LucenePrivateDocuments.of(kb, dir.resolve("uploads"))));
  }

  @AfterAll
  void stop() throws Exception {
    if (http != null) {
      http.close(); // closes the engine and with it the index
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static String query(String question, String extra) {
    return "{\"query\":\"" + question + "\",\"domain\":\"business-continuity\",\"category\":\"us\","
        + "\"mode\":\"compliance\"" + extra + "}";
  }

  @Test
  void theStreamedDoneEventEqualsTheBlockingResponseApartFromIdsAndLatencies() throws Exception {
    HttpResponse<String> blocking = http.post("/v1/query/", ALPHA_KEY, query(QUESTION, ""));
    assertThat(blocking.statusCode()).isEqualTo(200);
    JsonNode answer = json(blocking);
    assertThat(answer.get("sources").get(0).get("filename").asText()).isEqualTo("backup.pdf");
    assertThat(answer.get("response").asText()).contains("[Source 1]");

    HttpResponse<InputStream> streamed = http.client.send(http.request("/v1/query/", ALPHA_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(query(QUESTION, ",\"stream\":true"))).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    List<SseParser.Event> events = new SseParser(
        new BufferedReader(new InputStreamReader(streamed.body(), StandardCharsets.UTF_8))).all();

    assertThat(events.getFirst().type()).isEqualTo("sources");
    assertThat(events.getLast().type()).isEqualTo("done");
    StringBuilder text = new StringBuilder();
    events.stream().filter(e -> e.type().equals("delta"))
        .forEach(e -> text.append(((StreamEvent.Delta) StreamEvent.parse("delta", e.data())).text()));
    JsonNode done = EgretJson.mapper().readTree(events.getLast().data());
    assertThat(text.toString()).isEqualTo(done.get("response").asText());
    assertThat(StreamingTest.withoutIdsAndLatencies(done)).isEqualTo(StreamingTest.withoutIdsAndLatencies(answer));
  }

  @Test
  void anUnknownDomainIs404OnTheCategoriesRouteAnd400InAQuery() {
    assertThat(json(http.get("/v1/domains/business-continuity/categories/", ALPHA_KEY)).get(0).get("code").asText())
        .isEqualTo("us");
    HttpResponse<String> categories = http.get("/v1/domains/cooking/categories/", ALPHA_KEY);
    assertThat(categories.statusCode()).isEqualTo(404);
    assertThat(json(categories).get("detail").asText())
        .isEqualTo("unknown domain 'cooking'; must be one of business-continuity");

    HttpResponse<String> query = http.post("/v1/query/", ALPHA_KEY, query(QUESTION, "").replace(
        "\"domain\":\"business-continuity\"", "\"domain\":\"cooking\""));
    assertThat(query.statusCode()).isEqualTo(400);
    assertThat(json(query).get("errors").get(0).get("field").asText()).isEqualTo("domain");
  }

  @Test
  void sessionsOfAnotherOrganisationAnswer404LikeUnknownOnes() {
    String id = json(http.post("/v1/query/", ALPHA_KEY, query(QUESTION, ""))).get("session_id").asText();
    assertThat(json(http.get("/v1/sessions/" + id + "/messages/", ALPHA_KEY))).hasSize(2);

    String unknown = UUID.randomUUID().toString();
    HttpResponse<String> foreign = http.get("/v1/sessions/" + id + "/messages/", BETA_KEY);
    HttpResponse<String> missing = http.get("/v1/sessions/" + unknown + "/messages/", BETA_KEY);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).isEqualTo(missing.body().replace(unknown, id));
    assertThat(http.delete("/v1/sessions/" + id + "/delete/", BETA_KEY).statusCode()).isEqualTo(404);
    assertThat(http.post("/v1/query/", BETA_KEY, query(QUESTION, ",\"session_id\":\"" + id + "\"")).statusCode())
        .isEqualTo(404);
    assertThat(http.delete("/v1/sessions/" + id + "/delete/", ALPHA_KEY).statusCode()).isEqualTo(204);
  }

  @Test
  void privateUploadsAreSearchableByTheirOrganisationOnly() throws Exception {
    byte[] pdf = TestPdfs.pdf().page("Zebra protocol. The zebra protocol requires staff to run evacuation drills "
        + "every month at the Springfield office.").bytes();
    HttpResponse<String> uploaded = http.send(Multipart.upload(http, ALPHA_KEY, "zebra.pdf", pdf, false));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    JsonNode doc = json(uploaded);
    String id = doc.get("document_id").asText();
    assertThat(doc.get("pages").asInt()).isEqualTo(1);
    assertThat(doc.get("size_bytes").asLong()).isEqualTo(pdf.length);

    String zebra = "How often are evacuation drills run under the zebra protocol?";
    JsonNode mine = json(http.post("/v1/query/", ALPHA_KEY, query(zebra, ",\"knowledge_scope\":\"private\"")));
    assertThat(mine.get("sources").get(0).get("filename").asText()).isEqualTo("zebra.pdf");
    assertThat(mine.get("sources").get(0).get("is_private").asBoolean()).isTrue();
    JsonNode theirs = json(http.post("/v1/query/", BETA_KEY, query(zebra, "")));
    assertThat(theirs.get("sources").findValuesAsText("filename")).doesNotContain("zebra.pdf");

    assertThat(json(http.get(DocumentRoutes.PATH, ALPHA_KEY)).findValuesAsText("document_id")).containsExactly(id);
    assertThat(json(http.get(DocumentRoutes.PATH, BETA_KEY))).isEmpty();
    HttpResponse<String> foreign = http.delete(DocumentRoutes.PATH + id + "/", BETA_KEY);
    HttpResponse<String> unknown = http.delete(DocumentRoutes.PATH + "0".repeat(32) + "/", BETA_KEY);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).isEqualTo(unknown.body());

    assertThat(http.delete(DocumentRoutes.PATH + id + "/", ALPHA_KEY).statusCode()).isEqualTo(204);
    assertThat(json(http.get(DocumentRoutes.PATH, ALPHA_KEY))).isEmpty();
    JsonNode after = json(http.post("/v1/query/", ALPHA_KEY, query(zebra, "")));
    assertThat(after.get("sources").findValuesAsText("filename")).doesNotContain("zebra.pdf");
    try (var left = Files.list(dir.resolve("uploads").resolve("alpha"))) {
      assertThat(left).isEmpty();
    }
  }

  // Over HTTP a source's uri never says where the server keeps the file: answers (blocking and
  // streamed), session history, the upload response and the documents list all carry the same logical uri.
  @Test
  void urisNeverDiscloseServerPathsAndAgreeEverywhere() throws Exception {
    List<String> secrets = List.of(dir.toString(), dir.toRealPath().toString(), dir.getFileName().toString());
    java.util.function.Consumer<String> noPath = body -> secrets.forEach(secret -> assertThat(body).doesNotContain(secret));

    HttpResponse<String> blocking = http.post("/v1/query/", ALPHA_KEY, query(QUESTION, ""));
    noPath.accept(blocking.body());
    String backup = "file:corpus/business-continuity/pdf/us/backup.pdf";
    assertThat(json(blocking).get("sources").findValuesAsText("uri")).contains(backup);

    HttpResponse<String> streamed = http.send(http.request("/v1/query/", ALPHA_KEY)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(query(QUESTION, ",\"stream\":true"))).build());
    noPath.accept(streamed.body());
    assertThat(streamed.body()).contains("\"uri\":\"" + backup + "\"");

    String session = json(blocking).get("session_id").asText();
    HttpResponse<String> messages = http.get("/v1/sessions/" + session + "/messages/", ALPHA_KEY);
    noPath.accept(messages.body());
    assertThat(json(messages).findValuesAsText("uri")).contains(backup);

    byte[] pdf = TestPdfs.pdf().page("Heron rule. The heron rule requires two approvals for every firewall change.")
        .bytes();
    HttpResponse<String> uploaded = http.send(Multipart.upload(http, ALPHA_KEY, "heron.pdf", pdf, false));
    noPath.accept(uploaded.body());
    String id = json(uploaded).get("document_id").asText();
    String uri = json(uploaded).get("uri").asText();
    assertThat(uri).isEqualTo("file:" + id + "/heron.pdf");
    HttpResponse<String> list = http.get(DocumentRoutes.PATH, ALPHA_KEY);
    noPath.accept(list.body());
    assertThat(json(list).findValuesAsText("uri")).contains(uri);
    HttpResponse<String> privateAnswer = http.post("/v1/query/", ALPHA_KEY,
        query("How many approvals does the heron rule require for a firewall change?", ",\"knowledge_scope\":\"private\""));
    noPath.accept(privateAnswer.body());
    assertThat(json(privateAnswer).get("sources").findValuesAsText("uri")).contains(uri);
    assertThat(http.delete(DocumentRoutes.PATH + id + "/", ALPHA_KEY).statusCode()).isEqualTo(204);
  }

  // With "stream": true, what is decidable before the first event gets its ordinary status and JSON body.
  @Test
  void streamedQueriesRefusedUpFrontGetTheirStatusNotAnEventStream() {
    String own = json(http.post("/v1/query/", ALPHA_KEY, query(QUESTION, ""))).get("session_id").asText();
    record Case(String key, String extra, int status) {}
    for (Case c : List.of(
        new Case(ALPHA_KEY, ",\"session_id\":\"" + UUID.randomUUID() + "\"", 404),
        new Case(BETA_KEY, ",\"session_id\":\"" + own + "\"", 404),
        new Case(BETA_KEY, ",\"knowledge_scope\":\"private\"", 400))) {
      HttpResponse<String> r = http.post("/v1/query/", c.key(), query(QUESTION, ",\"stream\":true" + c.extra()));
      assertThat(r.statusCode()).as(c.toString()).isEqualTo(c.status());
      assertThat(r.headers().firstValue("Content-Type")).as(c.toString())
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
      assertThat(json(r).get("detail").asText()).isNotBlank();
    }
  }

  // Uploads and the index hold private text: owner-only whatever the umask.
  @Test
  void uploadsAndTheIndexAreOwnerOnly() throws Exception {
    byte[] pdf = TestPdfs.pdf().page("Osprey clause. Visitors sign in at the front desk.").bytes();
    HttpResponse<String> uploaded = http.send(Multipart.upload(http, ALPHA_KEY, "osprey.pdf", pdf, false));
    assertThat(uploaded.statusCode()).isEqualTo(201);
    Path uploads = dir.resolve("uploads");
    try (var stored = Files.walk(uploads)) {
      for (Path p : stored.toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(uploads.relativize(p).toString())
            .isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
      }
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("index")))).isEqualTo("rwx------");
    assertThat(http.delete(DocumentRoutes.PATH + json(uploaded).get("document_id").asText() + "/", ALPHA_KEY)
        .statusCode()).isEqualTo(204);
  }

  // Defence in depth below Organisation's own check: an organisation folder that resolves outside the
  // upload folder (a planted symlink) takes no upload.
  @Test
  void anUploadNeverLandsOutsideTheUploadFolder() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path data = Files.createDirectories(dir.resolve("uploads-linked"));
    Files.createSymbolicLink(data.resolve("gamma"), outside);
    LucenePrivateDocuments store = LucenePrivateDocuments.of(kb, data);
    byte[] pdf = TestPdfs.pdf().page("Gamma text.").bytes();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.upload(dev.egretta.core.Organisation.of("gamma"),
            "business-continuity", "us", "g.pdf", new java.io.ByteArrayInputStream(pdf)))
        .isInstanceOf(dev.egretta.core.EgrettaException.class)
        .hasMessageContaining("outside");
    try (var left = Files.list(outside)) {
      assertThat(left).isEmpty();
    }
  }

  // A damaged PDF is the client's problem, told without the parser's Java exception names or server paths.
  @Test
  void aDamagedPdfIs400WithoutInternals() throws Exception {
    for (String damaged : List.of("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>",
        "%PDF-1.4\n" + "\u0000".repeat(100), "%PDF-")) {
      HttpResponse<String> r = http.send(Multipart.upload(http, BETA_KEY, "damaged.pdf",
          damaged.getBytes(StandardCharsets.ISO_8859_1), false));
      assertThat(r.statusCode()).as(damaged).isEqualTo(400);
      assertThat(json(r).get("errors").get(0).get("field").asText()).isEqualTo("file");
      assertThat(r.body()).as(damaged).doesNotContainPattern("[A-Z][A-Za-z]*(Exception|Error)\\b")
          .doesNotContain(dir.getFileName().toString());
    }
    assertThat(json(http.get(DocumentRoutes.PATH, BETA_KEY))).isEmpty();
  }

  @Test
  void aNonPdfUploadIsRefusedWith400AndNothingIsKept() throws Exception {
    HttpResponse<String> r = http.send(Multipart.upload(http, BETA_KEY, "notes.pdf",
        "just text, not a PDF".getBytes(StandardCharsets.UTF_8), false));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("errors").get(0).get("field").asText()).isEqualTo("file");
    assertThat(json(http.get(DocumentRoutes.PATH, BETA_KEY))).isEmpty();
  }

  @Test
  void aClientThatDisconnectsMidStreamLeavesNoRunningGeneration() throws Exception {
    generator.pauseMillis = 150;
    try {
      HttpResponse<InputStream> streamed = http.client.send(http.request("/v1/query/", ALPHA_KEY).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(query(QUESTION, ",\"stream\":true"))).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      SseParser parser = new SseParser(new BufferedReader(new InputStreamReader(streamed.body(), StandardCharsets.UTF_8)));
      assertThat(parser.next()).hasValueSatisfying(e -> assertThat(e.type()).isEqualTo("sources"));
      assertThat(parser.next()).hasValueSatisfying(e -> assertThat(e.type()).isEqualTo("delta"));
      int cancelledBefore = generator.cancelled.get();

      streamed.body().close();

      long deadline = System.currentTimeMillis() + 10_000;
      while ((generator.running.get() > 0 || generator.cancelled.get() == cancelledBefore)
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertThat(generator.cancelled.get()).isEqualTo(cancelledBefore + 1);
      assertThat(generator.running.get()).isZero();
    } finally {
      generator.pauseMillis = 0;
    }
  }
}
