package dev.egretta.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.egretta.core.ConfigurationException;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.core.spi.SourceDocument;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.TextDocumentSource;
import dev.egretta.testsupport.TestPdfs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend against a real node: PDFs, per-document bulk refusals, and the one-line errors. */
class ElasticsearchKnowledgeBaseTest {
  @TempDir
  Path dir;

  private static ElasticsearchConfig config(String url, String index) {
    return ElasticsearchConfig.builder(url).index(index).build();
  }

  @Test
  void indexesPdfsWithTheirPagesAndListsThem() {
    String domain = "pdf-" + UUID.randomUUID().toString().substring(0, 8);
    TestPdfs.write(dir.resolve(domain + "/pdf/us/bcp.pdf"), List.of(
        "Business continuity plan. The plan covers every branch of the bank and is reviewed by the board each year."
            + " Each branch names a continuity coordinator, keeps a call tree and rehearses the evacuation of its"
            + " premises twice a year with the local emergency services.",
        "Payment processing, including wire transfers and ACH, has a recovery time objective of 4 hours and a recovery"
            + " point objective of 15 minutes."));
    try (var kb = ElasticsearchKnowledgeBase.open(config(SharedNode.url(), "kb-test"))) {
      IngestReport r = kb.ingest(LocalFolderSource.of(dir), IngestOptions.publicLibrary(), IngestListener.NONE);
      assertThat(r.documentsIndexed()).isEqualTo(1);
      assertThat(r.pages()).isEqualTo(2);
      List<RetrievedPassage> hits = kb.retrieve(new RetrievalRequest("recovery time objective for payment processing",
          SearchScope.publicOnly(domain, "us"), 5));
      assertThat(hits.get(0).filename()).isEqualTo("bcp.pdf");
      assertThat(hits.get(0).startPage()).isEqualTo(2);
      assertThat(hits.get(0).lexicalRank()).isEqualTo(1);
      assertThat(kb.documents(Optional.empty())).anyMatch(d -> d.domain().equals(domain) && d.pages() == 2);
      assertThat(kb.deleteDocument(Optional.empty(), hits.get(0).documentUri())).isTrue();
      assertThat(kb.retrieve(new RetrievalRequest("recovery", SearchScope.publicOnly(domain, "us"), 5))).isEmpty();
    }
  }

  @Test
  void aPassageSpanningPagesKnowsWhereEachPageBeginsLikeTheEmbeddedIndex() throws Exception {
    String domain = "span-" + UUID.randomUUID().toString().substring(0, 8);
    // two short pages: one 256-token passage holds both
    TestPdfs.write(dir.resolve(domain + "/pdf/us/short.pdf"), List.of(
        "Access reviews. Managers review the access rights of their staff every quarter.",
        "Retention. Audit records are retained for a minimum of three years."));
    String index = "span-test-" + UUID.randomUUID().toString().substring(0, 8);
    try (var kb = ElasticsearchKnowledgeBase.open(config(SharedNode.url(), index))) {
      kb.ingest(LocalFolderSource.of(dir), IngestOptions.publicLibrary(), IngestListener.NONE);
      RetrievedPassage hit = kb.retrieve(new RetrievalRequest("how long are audit records retained",
          SearchScope.publicOnly(domain, "us"), 5)).get(0);
      assertThat(hit.startPage()).isEqualTo(1);
      assertThat(hit.endPage()).isEqualTo(2);
      assertThat(hit.pageStarts()).hasSize(2);
      assertThat(hit.pageAt(hit.text().indexOf("Audit records"))).isEqualTo(2);
      assertThat(hit.pageAt(hit.text().indexOf("Managers review"))).isEqualTo(1);
    }
  }

  @Test
  void anIndexMadeBeforePageStartsGetsTheField() throws Exception {
    String url = SharedNode.url();
    String name = "old-" + UUID.randomUUID().toString().substring(0, 8);
    ElasticsearchConfig config = config(url, name);
    try (var kb = ElasticsearchKnowledgeBase.open(config)) {
      // opened once: both indices exist
    }
    // the chunk index as an earlier version made it: the same mapping without page_starts
    HttpClient client = HttpClient.newHttpClient();
    recreateWithMapping(client, url, name, properties -> properties.remove(IndexSchema.PAGE_STARTS));
    assertThat(client.send(HttpRequest.newBuilder(URI.create(url + "/" + name + "/_mapping")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body()).doesNotContain(IndexSchema.PAGE_STARTS);

    try (var kb = ElasticsearchKnowledgeBase.open(config)) {
      String after = client.send(HttpRequest.newBuilder(URI.create(url + "/" + name + "/_mapping")).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(EsHttp.JSON.readTree(after).path(name).path("mappings").path("properties").path(IndexSchema.PAGE_STARTS)
          .path("type").asText()).isEqualTo("integer");
    }
  }

  @Test
  void aPassageWithTheQuestionsWordsTogetherOutranksOneWithThemApartAsInTheLuceneIndex() {
    String domain = "prox-" + UUID.randomUUID().toString().substring(0, 8);
    // both name "review" and "board" once; the shorter one has them apart, so bag-of-words prefers it
    TestPdfs.pdf().title("Budget").pages(List.of("The board meets monthly. Every policy gets a review each year."))
        .write(dir.resolve(domain + "/pdf/us/apart.pdf"));
    TestPdfs.pdf().title("Exceptions").pages(List.of(
        "The review board meets monthly and approves the exceptions to every policy each year."))
        .write(dir.resolve(domain + "/pdf/us/together.pdf"));
    RetrievalRequest q = new RetrievalRequest("Who sits on the review board?", SearchScope.publicOnly(domain, "us"), 5);
    String index = "prox-" + UUID.randomUUID().toString().substring(0, 8);
    try (var kb = ElasticsearchKnowledgeBase.open(ElasticsearchConfig.builder(SharedNode.url()).index(index)
        .pipeline(dev.egretta.lucene.LuceneConfig.builder().bm25Proximity(0).build()).build())) {
      kb.ingest(LocalFolderSource.of(dir), IngestOptions.publicLibrary(), IngestListener.NONE);
      assertThat(kb.search(q, dev.egretta.lucene.RetrieverKind.BM25)).extracting(RetrievedPassage::filename)
          .containsExactly("apart.pdf", "together.pdf");
    }
    try (var kb = ElasticsearchKnowledgeBase.open(ElasticsearchConfig.builder(SharedNode.url()).index(index)
        .pipeline(dev.egretta.lucene.LuceneConfig.builder().bm25Proximity(0.3).build()).build())) {
      assertThat(kb.search(q, dev.egretta.lucene.RetrieverKind.BM25)).extracting(RetrievedPassage::filename)
          .containsExactly("together.pdf", "apart.pdf");
    }
  }

  @Test
  void anIndexWithoutTermPositionsIsStillSearchedBagOfWords() throws Exception {
    String url = SharedNode.url();
    String name = "nopos-" + UUID.randomUUID().toString().substring(0, 8);
    ElasticsearchConfig config = config(url, name);
    try (var kb = ElasticsearchKnowledgeBase.open(config)) {
      // opened once: both indices exist, the chunk index with positions
    }
    // the chunk index as an earlier version made it: its terms with frequencies only
    recreateWithMapping(HttpClient.newHttpClient(), url, name,
        properties -> ((com.fasterxml.jackson.databind.node.ObjectNode) properties.path(IndexSchema.TERMS)).put("index_options", "freqs"));

    String domain = "nopos-" + UUID.randomUUID().toString().substring(0, 8);
    TestPdfs.write(dir.resolve(domain + "/pdf/us/board.pdf"), List.of("The review board meets monthly and approves exceptions."));
    try (var kb = ElasticsearchKnowledgeBase.open(config)) {
      kb.ingest(LocalFolderSource.of(dir), IngestOptions.publicLibrary(), IngestListener.NONE);
      // a phrase query on a field without positions would fail the search; the clauses are left out
      assertThat(kb.search(new RetrievalRequest("Who sits on the review board?", SearchScope.publicOnly(domain, "us"), 5),
          dev.egretta.lucene.RetrieverKind.BM25)).extracting(RetrievedPassage::filename).containsExactly("board.pdf");
    }
  }

  /** Deletes the chunk index {@code name} and makes it again, empty, with its mapping's properties edited as an earlier version had them. */
  private static void recreateWithMapping(HttpClient client, String url, String name,
      java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> editProperties) throws Exception {
    String mapping = client.send(HttpRequest.newBuilder(URI.create(url + "/" + name + "/_mapping")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    var root = (com.fasterxml.jackson.databind.node.ObjectNode) EsHttp.JSON.readTree(mapping).path(name).path("mappings");
    editProperties.accept((com.fasterxml.jackson.databind.node.ObjectNode) root.path("properties"));
    String settings = client.send(HttpRequest.newBuilder(URI.create(url + "/" + name + "/_settings")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    var body = EsHttp.JSON.createObjectNode();
    body.putObject("settings").putObject("index").set("similarity",
        EsHttp.JSON.readTree(settings).path(name).path("settings").path("index").path("similarity"));
    body.set("mappings", root);
    client.send(HttpRequest.newBuilder(URI.create(url + "/" + name)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(url + "/" + name))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
  }

  /** A URI longer than a keyword term may be (32 KB) makes the cluster refuse that document's chunks only. */
  @Test
  void aDocumentTheClusterRefusesIsThatDocumentsRejection() {
    String domain = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
    String good = "mem://" + domain + "/good.txt";
    String bad = "mem://" + domain + "/" + "x".repeat(40_000) + ".txt";
    TextDocumentSource source = new TextDocumentSource() {
      @Override
      public List<SourceDocument> list() {
        return List.of(new SourceDocument(bad, "bad.txt", domain, "us", 10, "1"),
            new SourceDocument(good, "good.txt", domain, "us", 10, "1"));
      }

      @Override
      public InputStream open(SourceDocument d) {
        return new ByteArrayInputStream(("Incident reports go to the security team within fifteen minutes of detection,"
            + " and the team informs the regulator within four hours for " + d.filename()).getBytes(StandardCharsets.UTF_8));
      }
    };
    try (var kb = ElasticsearchKnowledgeBase.open(config(SharedNode.url(), "kb-test"))) {
      IngestReport r = kb.ingest(source, IngestOptions.publicLibrary(), IngestListener.NONE);
      assertThat(r.documentsIndexed()).isEqualTo(1);
      assertThat(r.rejected()).singleElement().satisfies(rej -> {
        assertThat(rej.uri()).isEqualTo(bad);
        assertThat(rej.reason()).startsWith("Elasticsearch refused a chunk").contains("doc_key").hasSizeLessThan(300);
      });
      List<RetrievedPassage> hits = kb.retrieve(new RetrievalRequest("incident reports", SearchScope.publicOnly(domain, "us"), 10));
      assertThat(hits).extracting(RetrievedPassage::documentUri).containsExactly(good);
    }
  }

  @Test
  void anIndexWithAnotherMappingIsAOneLineConflict() throws Exception {
    String url = SharedNode.url();
    String name = "not-egretta-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/" + name))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"mappings\":{\"properties\":{\"terms\":{\"type\":\"keyword\"}}}}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> ElasticsearchKnowledgeBase.open(config(url, name)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("the index " + name + " at " + url)
        .hasMessageContaining("mapping conflict")
        .hasMessageContaining("--es-index")
        .message().doesNotContain("\n");
  }

  @Test
  void anUnreachableClusterIsOneLineNamingTheUrl() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    assertThatThrownBy(() -> ElasticsearchKnowledgeBase.open(config(url, "egretta")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("cannot reach Elasticsearch at " + url + " (connection refused): start the cluster or fix --es-url");
  }

  /** What a secured cluster answers to a bad key (the test distribution's security is off, so a real HTTP stand-in). */
  @Test
  void aRefusedApiKeyIsOneLineNamingTheFix() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      byte[] body = ("{\"error\":{\"root_cause\":[{\"type\":\"security_exception\",\"reason\":\"unable to authenticate with"
          + " provided credentials\"}],\"type\":\"security_exception\"},\"status\":401}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("WWW-Authenticate", "ApiKey");
      exchange.sendResponseHeaders(401, "HEAD".equals(exchange.getRequestMethod()) ? -1 : body.length);
      if (!"HEAD".equals(exchange.getRequestMethod())) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      assertThatThrownBy(() -> ElasticsearchKnowledgeBase.open(ElasticsearchConfig.builder(url).apiKey("bm90LWEta2V5").build()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("Elasticsearch at " + url + " refused the API key (401 Unauthorized)")
          .hasMessageContaining("--es-api-key");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void privateDocumentsAreFiledUnderTheirOwner() {
    String domain = "own-" + UUID.randomUUID().toString().substring(0, 8);
    Organisation acme = Organisation.of("acme-" + domain);
    TestPdfs.write(dir.resolve(domain + "/pdf/us/mine.pdf"), List.of("Acme keeps its vendor risk register in the"
        + " procurement system and reviews every critical supplier twice a year."));
    try (var kb = ElasticsearchKnowledgeBase.open(config(SharedNode.url(), "kb-test"))) {
      kb.ingest(LocalFolderSource.of(dir), IngestOptions.privateTo(acme), IngestListener.NONE);
      assertThat(kb.documents(Optional.of(acme))).hasSize(1);
      assertThat(kb.documents(Optional.empty())).noneMatch(d -> d.domain().equals(domain));
      String folder = dir.toUri().toString();
      assertThat(kb.holdsDocumentsUnder(Optional.of(acme), folder)).isTrue();
      assertThat(kb.holdsDocumentsUnder(Optional.of(acme), "s3://")).isFalse();
      assertThat(kb.holdsDocumentsUnder(Optional.of(Organisation.of("other-" + domain)), folder)).isFalse();
      List<RetrievedPassage> mine = kb.retrieve(new RetrievalRequest("vendor risk register",
          new SearchScope(domain, "us", false, Optional.of(acme)), 5));
      assertThat(mine).singleElement().satisfies(p -> {
        assertThat(p.isPrivate()).isTrue();
        assertThat(p.chunkId()).startsWith(acme.id() + ":file:");
      });
    }
  }
}
