package dev.egretta.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Organisation;
import dev.egretta.core.generation.ExtractiveAnswerGenerator;
import dev.egretta.core.session.JdbcSessionStore;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.LucenePrivateDocuments;
import dev.egretta.testsupport.HashingEmbeddingModel;
import dev.egretta.testsupport.TestPdfs;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The isolation matrix (issue #15): 20 organisations, each with two private PDFs holding a canary
 * string, uploaded over HTTP into the same domain and category as a public corpus; 16 concurrent
 * clients send a random mix of queries (scopes all, public and private; streamed and not; new and
 * follow-ups), calls on other organisations' sessions and documents, and reads of their own
 * sessions, messages and documents, to a real server over a real Lucene index and SQLite session
 * store. Every question is worded like every organisation's private documents, so a scope filter
 * that let a foreign document through would put it first. Asserted: no foreign canary, file name,
 * upload folder, document id or server path in any body (answers, sources, titles, links, lists);
 * no canary at all in a public-scope answer; every cross-organisation call 404 (JSON, never a
 * stream); no unexpected status; and at the end every session intact for its owner. As a positive
 * control, own canaries must show up in own answers.
 *
 * <p>The embedding model is the test hashing model: the filters under test are the same for any
 * model, and it keeps 20,000 requests to minutes on two cores. CI runs 1,500 requests; the full run
 * ({@code -Degretta.isolation.requests=20000}, set by the {@code reliability} profile) 20,000.
 */
class IsolationMatrixTest {
  private static final int ORGANISATIONS = 20;
  private static final int CLIENTS = 16;
  private static final int REQUESTS = Integer.getInteger("egretta.isolation.requests", 1_500);

  @TempDir Path dir;

  @Test
  void noOrganisationSeesAnotherOnesDocumentsOrSessions() throws Exception {
    long seed = Long.getLong("egretta.isolation.seed", System.nanoTime());
    Random random = new Random(seed);
    Path corpus = dir.resolve("corpus");
    TestPdfs.write(corpus.resolve("business-continuity/pdf/us/continuity.pdf"), List.of(
        "Business continuity plan. The plan is approved by the board and tested every year. Evacuation drills "
            + "are run twice a year at every office.", "Recovery. Critical systems are restored within four hours."));
    TestPdfs.write(corpus.resolve("information-security/pdf/eu/access.pdf"), List.of(
        "Access control. Accounts are reviewed every quarter and removed within one day of leaving."));
    LuceneConfig config = LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel()).build();
    LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"), config);
    kb.ingest(LocalFolderSource.of(corpus), IngestOptions.publicLibrary(), IngestListener.NONE);
    EgrettaEngine engine = EgrettaEngine.builder().retriever(kb).modelCatalog(ExtractiveAnswerGenerator.CATALOG)
        .generator(new ExtractiveAnswerGenerator()).sessionStore(JdbcSessionStore.sqlite(dir.resolve("sessions.db")))
        .build();

    Map<String, Organisation> keyOwners = new HashMap<>();
    Map<Integer, String> keys = new HashMap<>();
    for (int org = 1; org <= ORGANISATIONS; org++) {
      String key = "egret_isolation-" + org + "-" + UUID.randomUUID();
      keys.put(org, key);
      keyOwners.put(key, Organisation.of("org%02d".formatted(org)));
    }
    Path uploads = dir.resolve("uploads");
    try (TestServer http = new TestServer(engine, ApiKeys.of(keyOwners), b -> b.noRateLimit()
        .maxStreamsPerOrganisation(CLIENTS).sourceRoot("corpus", corpus).sourceRoot("uploads", uploads)
        .privateDocuments(LucenePrivateDocuments.of(kb, uploads)))) {
      Map<Integer, List<String>> documentIds = new HashMap<>();
      for (int org = 1; org <= ORGANISATIONS; org++) {
        for (int n = 1; n <= 2; n++) {
          String canary = LeakScan.canary(org, HexFormat.of().toHexDigits(random.nextInt()));
          byte[] pdf = TestPdfs.pdf().page("Zebra evacuation protocol. The zebra evacuation protocol requires ledger "
              + "vault drills every month; the vault code word is " + canary + ". Staff record each drill in the "
              + "ledger.").bytes();
          HttpResponse<String> r = IsolationClient.upload(http, keys.get(org), "org%02d-ledger-%d.pdf".formatted(org, n), pdf);
          assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
          documentIds.computeIfAbsent(org, x -> new ArrayList<>()).add(TestServer.json(r).get("document_id").asText());
        }
      }
      List<String> serverPaths = List.of(dir.toString(), dir.toRealPath().toString());
      IsolationClient.Shared shared = new IsolationClient.Shared(http, keys, new LeakScan(serverPaths, documentIds),
          documentIds, REQUESTS);

      long start = System.nanoTime();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      for (int c = 0; c < CLIENTS; c++) {
        clients.execute(new IsolationClient(shared, seed + c));
      }
      clients.shutdown();
      assertThat(clients.awaitTermination(2, TimeUnit.HOURS)).isTrue();
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      // Every session is intact for its owner: no foreign rename, delete or follow-up touched it.
      for (var entry : shared.sessions().entrySet()) {
        for (UUID session : entry.getValue()) {
          HttpResponse<String> messages = http.get("/v1/sessions/" + session + "/messages/", keys.get(entry.getKey()));
          assertThat(messages.statusCode()).as("org%d's session %s", entry.getKey(), session).isEqualTo(200);
          JsonNode list = TestServer.json(messages);
          assertThat(list.size()).as("messages of " + session).isEqualTo(shared.messages().get(session).get());
          assertThat(shared.scan().leaks(entry.getKey(), messages.body())).isEmpty();
        }
      }
      System.out.printf("isolation matrix: seed %d, %d requests (%d cross-organisation) by %d clients over %d "
          + "organisations in %d s; own canary in %d of %d all/private answers; %d failures%n", seed,
          shared.requests().get(), shared.crossOrgCalls().get(), CLIENTS, ORGANISATIONS, took.toSeconds(),
          shared.ownCanaryHits().get(), shared.privateQueries().get(), shared.failures().size());
      assertThat(shared.failures()).as("leaks and unexpected answers (seed " + seed + ")").isEmpty();
      assertThat(shared.requests().get()).isGreaterThanOrEqualTo(REQUESTS);
      assertThat(shared.crossOrgCalls().get()).isPositive();
      // The positive control: canaries are findable, so their absence elsewhere means something.
      assertThat(shared.ownCanaryHits().get()).as("own canaries found by own all/private queries")
          .isGreaterThan(shared.privateQueries().get() / 2);
    }
  }
}
