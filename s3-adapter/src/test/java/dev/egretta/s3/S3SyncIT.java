package dev.egretta.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.Source;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.ConfigurationException;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Organisation;
import dev.egretta.core.pipeline.ScoreThresholdJudge;
import dev.egretta.core.UpstreamException;
import dev.egretta.core.spi.CorpusInventory;
import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.DomainCategory;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.IndexedDocument;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.Rejection;
import dev.egretta.s3.s3mock.S3MockExtension;
import dev.egretta.s3.s3mock.S3MockServer;
import dev.egretta.s3.s3mock.TestBucket;
import dev.egretta.testsupport.HashingEmbeddingModel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * Incremental sync of the 12 real PDFs of {@code ../shared/corpus} from an S3 bucket (S3Mock) into a
 * real Lucene index, through {@link LuceneKnowledgeBase#ingest}: add, change, delete, unchanged objects
 * not downloaded again (GetObject requests counted on the wire), failures, and a signed link that
 * downloads the cited document.
 */
@ExtendWith(S3MockExtension.class)
class S3SyncIT {

  private static final String PREFIX = "library/";
  private static final String ADDED = "business-continuity/pdf/us/epa_incident_response_procedures.pdf";
  private static final String CHANGED = "information-security/pdf/us/epa_policy.pdf";
  private static final String CHANGED_TO = "information-security/pdf/us/epa_risk_assessment_procedure.pdf";
  private static final String DELETED = "cloud-security/pdf/us/fedramp_agency_authorization_playbook.pdf";

  private static Path corpus;
  private static Map<String, Path> pdfs;

  @TempDir Path indexDir;
  private TestBucket bucket;
  private final RequestCounter requests = new RequestCounter();

  @BeforeAll
  static void findCorpus() throws IOException {
    Path shared = Path.of(System.getProperty("egretta.shared", "../shared"));
    corpus = shared.resolve("corpus");
    Assumptions.assumeTrue(Files.isDirectory(corpus),
        "skipped: the shared corpus is absent (" + corpus.toAbsolutePath() + "); these tests need its 12 PDFs");
    try (Stream<Path> files = Files.walk(corpus)) {
      pdfs = files.filter(p -> p.toString().endsWith(".pdf")).sorted()
          .collect(Collectors.toMap(p -> corpus.relativize(p).toString().replace('\\', '/'), p -> p,
              (a, b) -> a, LinkedHashMap::new));
    }
  }

  @BeforeEach
  void createBucket(S3MockServer server) {
    bucket = new TestBucket(server);
  }

  @AfterEach
  void closeBucket() {
    bucket.close();
  }

  private LuceneKnowledgeBase openIndex() {
    return LuceneKnowledgeBase.open(indexDir, LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel()).build());
  }

  private S3DocumentSource source() {
    return S3DocumentSource.create(bucket.config(), S3Uri.parse(bucket.uri(PREFIX)), Optional.empty(), 1000,
        List.of(requests));
  }

  private String uri(String relative) {
    return bucket.uri(PREFIX + relative);
  }

  private void upload(String relative, Path file) throws IOException {
    bucket.put(PREFIX + relative, Files.readAllBytes(file));
  }

  private static IngestReport sync(LuceneKnowledgeBase kb, DocumentSource source) {
    return kb.ingest(source, IngestOptions.publicLibrary().withSync(), IngestListener.NONE);
  }

  private static Set<String> indexedUris(LuceneKnowledgeBase kb) {
    return kb.documents(Optional.empty()).stream().map(IndexedDocument::uri).collect(Collectors.toSet());
  }

  private static long chunksOf(LuceneKnowledgeBase kb) {
    return kb.documents(Optional.empty()).stream().mapToLong(IndexedDocument::chunks).sum();
  }

  @Test
  void syncAddsReplacesAndDeletesAndNeverDownloadsUnchangedObjects() throws Exception {
    assertThat(pdfs).hasSize(12).containsKeys(ADDED, CHANGED, CHANGED_TO, DELETED);
    for (var pdf : pdfs.entrySet()) {
      if (!pdf.getKey().equals(ADDED)) {
        upload(pdf.getKey(), pdf.getValue());
      }
    }

    try (LuceneKnowledgeBase kb = openIndex(); S3DocumentSource source = source()) {
      IngestReport first = sync(kb, source);

      assertThat(first.rejected()).isEmpty();
      assertThat(first.documentsIndexed()).isEqualTo(11);
      assertThat(first.documentsUnchanged()).isZero();
      assertThat(first.documentsDeleted()).isZero();
      assertThat(requests.count(GetObjectRequest.class)).as("one GET per new object").isEqualTo(11);
      assertThat(indexedUris(kb)).hasSize(11).doesNotContain(uri(ADDED));
      assertThat(kb.chunkCount()).isEqualTo(first.chunks()).isEqualTo(chunksOf(kb)).isPositive();

      upload(CHANGED, pdfs.get(CHANGED_TO));
      bucket.delete(PREFIX + DELETED);
      upload(ADDED, pdfs.get(ADDED));
      requests.reset();
      IngestReport second = sync(kb, source);

      assertThat(second.rejected()).isEmpty();
      assertThat(second.documentsIndexed()).as("the changed and the added object").isEqualTo(2);
      assertThat(second.documentsUnchanged()).isEqualTo(9);
      assertThat(second.documentsDeleted()).isEqualTo(1);
      assertThat(requests.count(GetObjectRequest.class)).as("GETs: unchanged objects are not downloaded").isEqualTo(2);
      Set<String> expected = new HashSet<>();
      pdfs.keySet().stream().filter(k -> !k.equals(DELETED)).forEach(k -> expected.add(uri(k)));
      assertThat(indexedUris(kb)).isEqualTo(expected);
      IndexedDocument changed = kb.documents(Optional.empty()).stream().filter(d -> d.uri().equals(uri(CHANGED)))
          .findFirst().orElseThrow();
      assertThat(changed.sha256()).isEqualTo(sha256(pdfs.get(CHANGED_TO)));
      assertThat(kb.chunkCount()).isEqualTo(chunksOf(kb));

      List<RetrievedPassage> fedramp = kb.retrieve(new RetrievalRequest("FedRAMP agency authorization playbook",
          SearchScope.publicOnly("cloud-security", "us"), 50));
      assertThat(fedramp).as("the deleted document's chunks are gone").isEmpty();
      List<RetrievedPassage> policy = kb.retrieve(new RetrievalRequest("risk assessment procedure",
          SearchScope.publicOnly("information-security", "us"), 50));
      assertThat(policy).isNotEmpty().allSatisfy(p -> {
        assertThat(expected).contains(p.documentUri());
        assertThat(p.chunkId()).startsWith(p.documentUri() + "#");
      });

      requests.reset();
      IngestReport third = sync(kb, source);
      assertThat(third.documentsIndexed()).isZero();
      assertThat(third.documentsUnchanged()).isEqualTo(11);
      assertThat(third.documentsDeleted()).isZero();
      assertThat(requests.count(GetObjectRequest.class)).as("a sync without changes downloads nothing").isZero();

      askAndDownload(kb);
    }
  }

  /** Asks the real engine (extractive answer): every S3 source gets a signed link that downloads exactly that PDF. */
  private void askAndDownload(LuceneKnowledgeBase kb) throws IOException, InterruptedException {
    CorpusInventory inventory = new CorpusInventory() {
      @Override
      public Set<DomainCategory> domainCategories(Organisation caller) {
        return kb.domainCategories(caller);
      }

      @Override
      public boolean hasPrivateDocuments(Organisation caller) {
        return kb.hasPrivateDocuments(caller);
      }
    };
    QueryResponse answer;
    try (S3LinkSigner signer = S3LinkSigner.of(bucket.config());
        EgrettaEngine engine = EgrettaEngine.builder().retriever(kb::retrieve).corpusInventory(inventory)
            .linkSigner(signer)
            // The scores are calibrated for the built-in bge model, not this test's hashing embedder: offer every hit.
            .contextJudge(new ScoreThresholdJudge(0, 0, 5))
            .build()) {
      answer = engine.query(ValidatedQuery.of("How must a computer security incident be reported?",
          "business-continuity", "us", Mode.COMPLIANCE), Organisation.LOCAL);
    }

    assertThat(answer.sources()).as(answer.contextQuality() + " " + answer.response()).isNotEmpty().allSatisfy(source -> {
      assertThat(source.uri()).startsWith(uri(""));
      assertThat(source.downloadUrl()).isNotNull();
    });
    Source top = answer.sources().get(0);
    HttpResponse<byte[]> response = HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(URI.create(top.downloadUrl())).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(Files.readAllBytes(pdfs.get(top.uri().substring(uri("").length()))));
    SignedUrl signed = SignedUrl.parse(top.downloadUrl());
    assertThat(signed.param("X-Amz-Expires")).isEqualTo("900");
    assertThat(signed.signatureValid(S3MockServer.SECRET_KEY)).isTrue();
  }

  private static final List<String> SMALL = List.of(
      "business-continuity/pdf/us/epa_contingency_planning_procedure.pdf",
      "information-security/pdf/us/epa_audit_and_accountability_procedures.pdf",
      "information-security/pdf/us/epa_planning_procedure.pdf");

  @Test
  void aCorruptObjectAndAFailedReadAreRejectedAloneAndTheRestIsCommitted() throws Exception {
    for (String key : SMALL) {
      upload(key, pdfs.get(key));
    }
    String corrupt = "information-security/pdf/us/corrupt.pdf";
    bucket.put(PREFIX + corrupt, "%PDF-1.7\nthis is not really a PDF".getBytes(StandardCharsets.US_ASCII));
    String flaky = uri(SMALL.get(1));

    try (LuceneKnowledgeBase kb = openIndex(); S3DocumentSource healthy = source()) {
      IngestReport report = sync(kb, new FailingOnce(healthy, flaky));

      assertThat(report.rejected()).extracting(Rejection::uri).containsExactlyInAnyOrder(uri(corrupt), flaky);
      assertThat(report.rejected()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
      assertThat(report.documentsIndexed()).isEqualTo(2);
      assertThat(indexedUris(kb)).containsExactlyInAnyOrder(uri(SMALL.get(0)), uri(SMALL.get(2)));
      assertThat(kb.chunkCount()).isEqualTo(chunksOf(kb)).isPositive();
    }
  }

  @Test
  void theNextRunRetriesAnObjectWhoseReadFailed() throws Exception {
    for (String key : SMALL) {
      upload(key, pdfs.get(key));
    }
    String flaky = uri(SMALL.get(1));
    try (LuceneKnowledgeBase kb = openIndex(); S3DocumentSource healthy = source()) {
      sync(kb, new FailingOnce(healthy, flaky));
      requests.reset();
      IngestReport second = sync(kb, healthy);

      assertThat(second.rejected()).isEmpty();
      assertThat(requests.count(GetObjectRequest.class)).as("only the object whose read failed").isEqualTo(1);
      assertThat(indexedUris(kb)).as("the re-run completes the sync")
          .containsExactlyInAnyOrder(uri(SMALL.get(0)), flaky, uri(SMALL.get(2)));
    }
  }

  @Test
  void aStoreThatFailsBeforeTheListingLeavesTheIndexAsItWas() throws Exception {
    String key = "business-continuity/pdf/us/epa_contingency_planning_procedure.pdf";
    upload(key, pdfs.get(key));
    try (LuceneKnowledgeBase kb = openIndex(); S3DocumentSource source = source()) {
      sync(kb, source);
      int chunks = kb.chunkCount();

      try (S3DocumentSource missing = S3DocumentSource.of(bucket.config(), "s3://no-such-bucket-egretta/library/")) {
        assertThatThrownBy(() -> sync(kb, missing)).isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("no such bucket");
      }
      S3Config down = S3Config.builder().endpointOverride("http://127.0.0.1:9").pathStyleAccess(true)
          .region("us-east-1").staticCredentials("k", "s").build();
      try (S3DocumentSource unreachable = S3DocumentSource.of(down, bucket.uri(PREFIX))) {
        assertThatThrownBy(() -> sync(kb, unreachable)).isInstanceOf(UpstreamException.class);
      }
      assertThat(indexedUris(kb)).containsExactly(uri(key));
      assertThat(kb.chunkCount()).isEqualTo(chunks);
    }
  }

  private static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
