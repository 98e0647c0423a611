package dev.egretta.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.core.spi.SourceDocument;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.TextDocumentSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Three real nodes, one replica: a node killed with SIGKILL while queries run and documents are written.
 * Queries keep answering (the client retries on the live nodes, the replicas take over), no acknowledged
 * document is lost, and the cluster is green again once the node is back.
 */
class ThreeNodeClusterTest {
  private static final String[] TOPICS = {"wire transfers", "phishing emails", "volcanic ash", "cider apples",
      "data retention", "vendor risk", "access reviews", "backup tapes"};

  /** {@code count} one-page documents numbered from {@code first}, each about one topic. */
  private static TextDocumentSource documents(int first, int count) {
    return new TextDocumentSource() {
      @Override
      public List<SourceDocument> list() {
        List<SourceDocument> out = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
          out.add(new SourceDocument("mem://ha/doc-" + i + ".txt", "doc-" + i + ".txt", "ha", "us", 100, "1"));
        }
        return out;
      }

      @Override
      public InputStream open(SourceDocument d) {
        int n = Integer.parseInt(d.filename().replaceAll("\\D", ""));
        String topic = TOPICS[n % TOPICS.length];
        return new ByteArrayInputStream(("Policy note " + n + " is about " + topic + ". The owner of " + topic
            + " reviews the controls every quarter and reports exceptions to the risk committee within ten days.")
            .getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  @Test
  void aKilledNodeLosesNoAcknowledgedDocumentAndQueriesKeepAnswering() throws Exception {
    var why = EsTestCluster.unavailable();
    assumeTrue(why.isEmpty(), () -> "Elasticsearch tests skipped: " + why.orElse(""));
    try (EsTestCluster cluster = EsTestCluster.start(3);
         var kb = ElasticsearchKnowledgeBase.open(ElasticsearchConfig.builder(cluster.url()).index("ha").replicas(1)
             .bulkChunks(8).build())) {
      IngestReport before = kb.ingest(documents(0, 40), IngestOptions.publicLibrary(), IngestListener.NONE);
      assertThat(before.documentsIndexed()).isEqualTo(40);
      assertThat(cluster.get("/_cluster/health/ha,ha-documents?wait_for_status=green&timeout=60s")).contains("\"status\":\"green\"");

      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger answered = new AtomicInteger();
      AtomicInteger answeredWhileDown = new AtomicInteger();
      AtomicBoolean down = new AtomicBoolean();
      List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      AtomicReference<Integer> emptyAnswers = new AtomicReference<>(0);
      Thread queries = Thread.ofPlatform().start(() -> {
        int i = 0;
        while (!stop.get()) {
          String topic = TOPICS[i++ % TOPICS.length];
          try {
            var hits = kb.retrieve(new RetrievalRequest("who reviews " + topic, SearchScope.publicOnly("ha", "us"), 5));
            if (hits.isEmpty()) {
              emptyAnswers.updateAndGet(n -> n + 1);
            }
            answered.incrementAndGet();
            if (down.get()) {
              answeredWhileDown.incrementAndGet();
            }
          } catch (RuntimeException e) {
            failures.add(e.getMessage());
          }
        }
      });
      EsTestCluster.sleep(1000);
      cluster.kill9(1);
      down.set(true);
      // Written while the node is dead: acknowledged by the surviving copies.
      IngestReport during = kb.ingest(documents(40, 20), IngestOptions.publicLibrary(), IngestListener.NONE);
      EsTestCluster.sleep(2000);
      down.set(false);
      cluster.restart(1);
      String health = cluster.get("/_cluster/health?wait_for_status=green&timeout=120s");
      stop.set(true);
      queries.join();

      assertThat(health).contains("\"status\":\"green\"").contains("\"number_of_nodes\":3");
      assertThat(failures).as("queries that failed while a node was killed").isEmpty();
      assertThat(emptyAnswers.get()).isZero();
      assertThat(answeredWhileDown.get()).isPositive();
      int acknowledged = during.documentsIndexed() + before.documentsIndexed();
      assertThat(during.rejected()).isEmpty();
      assertThat(acknowledged).isEqualTo(60);
      assertThat(kb.documents(Optional.empty())).hasSize(60);
      assertThat(kb.chunkCount()).isEqualTo(60);
      System.out.printf("three-node kill -9: %d queries answered (%d while the node was down), 0 failed; 60 of 60"
          + " acknowledged documents present; green again%n", answered.get(), answeredWhileDown.get());
    }
  }
}
