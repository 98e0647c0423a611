package dev.egretta.server;

import static dev.egretta.server.TestServer.ALPHA_KEY;
import static dev.egretta.server.TestServer.BETA_KEY;
import static dev.egretta.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Upload, list and delete of the caller's private documents over HTTP, with the in-memory
 * {@link InMemoryDocuments} behind the routes (HTTP-layer test).
 */
class DocumentRoutesTest {
  private static final byte[] PDF = "%PDF-1.7\n% a tiny stand-in\n".getBytes(StandardCharsets.US_ASCII);
  private TestServer http;

  @BeforeEach
  void start() {
    http = TestServer.withFakeEngineAndDocuments();
  }

  @AfterEach
  void stop() {
    http.close();
  }

  @Test
  void uploadListAndDeleteOwnDocuments() {
    HttpResponse<String> uploaded = http.send(Multipart.upload(http, ALPHA_KEY, "policy.pdf", PDF, false));
    assertThat(uploaded.statusCode()).isEqualTo(201);
    JsonNode doc = json(uploaded);
    assertThat(doc.get("filename").asText()).isEqualTo("policy.pdf");
    assertThat(doc.get("size_bytes").asLong()).isEqualTo(PDF.length);
    assertThat(doc.get("domain").asText()).isEqualTo("business-continuity");
    assertThat(doc.get("category").asText()).isEqualTo("us");
    String id = doc.get("document_id").asText();

    JsonNode list = json(http.get(DocumentRoutes.PATH, ALPHA_KEY));
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("document_id").asText()).isEqualTo(id);

    assertThat(http.delete(DocumentRoutes.PATH + id + "/", ALPHA_KEY).statusCode()).isEqualTo(204);
    assertThat(json(http.get(DocumentRoutes.PATH, ALPHA_KEY))).isEmpty();
    assertThat(http.delete(DocumentRoutes.PATH + id + "/", ALPHA_KEY).statusCode()).isEqualTo(404);
  }

  @Test
  void anotherOrganisationsDocumentIsIndistinguishableFromAnUnknownOne() {
    String id = json(http.send(Multipart.upload(http, ALPHA_KEY, "policy.pdf", PDF, false))).get("document_id").asText();

    assertThat(json(http.get(DocumentRoutes.PATH, BETA_KEY))).isEmpty();
    HttpResponse<String> foreign = http.delete(DocumentRoutes.PATH + id + "/", BETA_KEY);
    HttpResponse<String> unknown = http.delete(DocumentRoutes.PATH + UUID.randomUUID() + "/", BETA_KEY);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).isEqualTo(unknown.body());
    assertThat(json(http.get(DocumentRoutes.PATH, ALPHA_KEY))).hasSize(1);
  }

  @Test
  void badUploadsAnswer400() {
    HttpResponse<String> notPdf = http.send(Multipart.upload(http, ALPHA_KEY, "notes.txt",
        "plain text".getBytes(StandardCharsets.UTF_8), false));
    assertThat(notPdf.statusCode()).isEqualTo(400);
    assertThat(json(notPdf).get("errors").get(0).get("field").asText()).isEqualTo("file");

    HttpResponse<String> notMultipart = http.send(http.request(DocumentRoutes.PATH, ALPHA_KEY)
        .header("Content-Type", "application/pdf").POST(HttpRequest.BodyPublishers.ofByteArray(PDF)).build());
    assertThat(notMultipart.statusCode()).isEqualTo(400);

    String boundary = "b0undary";
    String noFile = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--" + boundary + "--\r\n";
    HttpResponse<String> missing = http.send(http.request(DocumentRoutes.PATH, ALPHA_KEY)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(noFile)).build());
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(json(missing).get("errors").findValuesAsText("field")).containsExactly("file", "domain", "category");
  }

  @Test
  void withoutAPrivateKnowledgeBaseTheRoutesAnswer503() {
    try (TestServer bare = new TestServer(new FakeEngine(), b -> b.noRateLimit())) {
      HttpResponse<String> r = bare.get(DocumentRoutes.PATH, ALPHA_KEY);
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(json(r).get("detail").asText()).contains("no private knowledge base");
    }
  }
}
