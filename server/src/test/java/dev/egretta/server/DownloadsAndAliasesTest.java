package dev.egretta.server;

import static dev.egretta.server.TestServer.ALPHA_KEY;
import static dev.egretta.server.TestServer.BETA_KEY;
import static dev.egretta.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.core.ConfigurationException;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.LucenePrivateDocuments;
import dev.egretta.testsupport.TestPdfs;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Over a real engine, index and HTTP client: local documents get a {@code download_url} to the server's
 * authenticated download route, minted afresh on every read, that opens only for the organisation it
 * was shown to; and model id aliases let an Egret client's Bedrock model id reach this install's model.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadsAndAliasesTest {
  private static final String EGRET_MODEL = "us.anthropic.claude-3-5-haiku-20241022-v1:0";
  private static final String QUESTION = "How many copies of critical data must be kept?";

  private Path dir;
  private Path backupPdf;
  private TestServer http;

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("egretta-downloads");
    backupPdf = dir.resolve("corpus/business-continuity/pdf/us/backup.pdf");
    TestPdfs.write(backupPdf, List.of(
        "Backup policy. Organisations must keep three copies of critical data, on two different media, with one "
            + "copy stored offsite. Backups are tested every quarter by restoring a sample of files."));
    LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"));
    kb.ingest(LocalFolderSource.of(dir.resolve("corpus")), IngestOptions.publicLibrary(), IngestListener.NONE);
    EgrettaEngine engine = EgrettaEngine.builder().retriever(kb).build();
    http = new TestServer(engine, b -> b.noRateLimit()
        .sourceRoot("corpus", dir.resolve("corpus"))
        .privateDocuments(LucenePrivateDocuments.of(kb, dir.resolve("uploads")))
        .modelAlias(EGRET_MODEL, "egretta-extractive"));
  }

  @AfterAll
  void stop() throws Exception {
    if (http != null) {
      http.close();
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static String query(String question, String extra) {
    return "{\"query\":\"" + question + "\",\"domain\":\"business-continuity\",\"category\":\"us\","
        + "\"mode\":\"compliance\"" + extra + "}";
  }

  private HttpResponse<byte[]> download(String url, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return http.client.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void localDocumentsDownloadForTheirViewerWithLinksMintedOnEveryRead() throws Exception {
    JsonNode answer = json(http.post("/v1/query/", ALPHA_KEY, query(QUESTION, "")));
    JsonNode source = answer.get("sources").get(0);
    String link = source.get("download_url").asText();
    assertThat(link).startsWith(http.server.baseUrl() + "/v1/downloads/").doesNotContain(dir.getFileName().toString());

    HttpResponse<byte[]> ok = download(link, ALPHA_KEY);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo(Files.readAllBytes(backupPdf));
    assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    assertThat(ok.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("backup.pdf"));

    HttpResponse<byte[]> otherOrg = download(link, BETA_KEY);
    HttpResponse<byte[]> forged = download(link.replace("/v1/downloads/", "/v1/downloads/AAAA"), ALPHA_KEY);
    assertThat(otherOrg.statusCode()).isEqualTo(404);
    assertThat(forged.statusCode()).isEqualTo(404);
    assertThat(new String(otherOrg.body())).isEqualTo(new String(forged.body())).doesNotContain("backup");
    assertThat(download(link, null).statusCode()).isEqualTo(401);

    String session = answer.get("session_id").asText();
    JsonNode messages = json(http.get("/v1/sessions/" + session + "/messages/", ALPHA_KEY));
    String reread = messages.get(1).get("sources").get(0).get("download_url").asText();
    assertThat(reread).isNotEqualTo(link).startsWith(http.server.baseUrl() + "/v1/downloads/");
    assertThat(download(reread, ALPHA_KEY).body()).isEqualTo(Files.readAllBytes(backupPdf));

    String streamed = http.send(http.request("/v1/query/", ALPHA_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(query(QUESTION, ",\"stream\":true"))).build()).body();
    assertThat(streamed).contains("\"download_url\":\"" + http.server.baseUrl() + "/v1/downloads/");
  }

  @Test
  void anUploadDownloadsForItsOrganisationUntilItIsDeleted() throws Exception {
    byte[] pdf = TestPdfs.pdf().page("Quokka protocol. The quokka protocol requires staff to test the generator "
        + "every week at the Perth office.").bytes();
    HttpResponse<String> uploaded = http.send(Multipart.upload(http, ALPHA_KEY, "quokka.pdf", pdf, false));
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    JsonNode answer = json(http.post("/v1/query/", ALPHA_KEY,
        query("How often is the generator tested under the quokka protocol?", ",\"knowledge_scope\":\"private\"")));
    JsonNode source = answer.get("sources").get(0);
    assertThat(source.get("filename").asText()).isEqualTo("quokka.pdf");
    String link = source.get("download_url").asText();
    assertThat(download(link, ALPHA_KEY).body()).isEqualTo(pdf);
    assertThat(download(link, BETA_KEY).statusCode()).isEqualTo(404);

    String id = json(uploaded).get("document_id").asText();
    assertThat(http.delete(DocumentRoutes.PATH + id + "/", ALPHA_KEY).statusCode()).isEqualTo(204);
    assertThat(download(link, ALPHA_KEY).statusCode()).isEqualTo(404);
  }

  @Test
  void anAliasedModelIdIsAnsweredByItsTargetAndUnknownIdsStay400() {
    HttpResponse<String> aliased = http.post("/v1/query/", ALPHA_KEY, query(QUESTION, ",\"model\":\"" + EGRET_MODEL + "\""));
    assertThat(aliased.statusCode()).as(aliased.body()).isEqualTo(200);
    assertThat(json(aliased).get("usage").get("model").asText()).isEqualTo("egretta-extractive");
    HttpResponse<String> viaModelId = http.post("/v1/query/", ALPHA_KEY,
        query(QUESTION, ",\"model_id\":\"" + EGRET_MODEL + "\",\"stream\":true"));
    assertThat(viaModelId.body()).contains("event: done").contains("\"model\":\"egretta-extractive\"");

    HttpResponse<String> unknown = http.post("/v1/query/", ALPHA_KEY, query(QUESTION, ",\"model_id\":\"gpt-4o\""));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("gpt-4o").contains("egretta-extractive");
    assertThat(json(http.get("/v1/models/", ALPHA_KEY)).findValuesAsText("model_id")).containsExactly("egretta-extractive");
  }

  @Test
  void aliasesAreCheckedWhenTheServerIsBuilt() throws Exception {
    EgrettaServer.Builder base = EgrettaServer.builder().engine(EgrettaEngine.builder()
        .retriever(r -> List.of()).corpusInventory(new dev.egretta.core.spi.CorpusInventory() {
          @Override
          public java.util.Set<dev.egretta.core.spi.DomainCategory> domainCategories(dev.egretta.core.Organisation o) {
            return java.util.Set.of();
          }

          @Override
          public boolean hasPrivateDocuments(dev.egretta.core.Organisation o) {
            return false;
          }
        }).build()).apiKeys(ApiKeys.of(java.util.Map.of(ALPHA_KEY, TestServer.ALPHA)));
    assertThatThrownBy(() -> base.modelAlias("claude", "claude-opus-9").build()).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("claude-opus-9").hasMessageContaining("egretta-extractive");
    assertThatThrownBy(() -> EgrettaServer.builder().modelAlias("a b", "x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a b");
    Path file = dir.resolve("aliases.txt");
    Files.writeString(file, "# Egret's ids\n" + EGRET_MODEL + " = egretta-extractive\n\nbroken line\n");
    assertThatThrownBy(() -> EgrettaServer.builder().modelAliasesFile(file)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("line 4");
  }
}
