package dev.egretta.elasticsearch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.Retriever;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: ../shared/corpus (12 PDFs) ingested into a fresh Lucene index and a fresh cluster index in
 * one JVM, then the pdf-qa questions asked of both: ingestion time, hybrid top-10 p50/p99, and how alike
 * the two rank (top-5 chunk overlap, same first hit). Runs only with {@code -Degretta.es.corpusBench=true}
 * (and {@code -Degretta.es.url}, else it starts one node).
 */
class EsCorpusBench {
  @TempDir
  Path dir;

  @Test
  void bench() throws Exception {
    assumeTrue(Boolean.getBoolean("egretta.es.corpusBench"), "runs only with -Degretta.es.corpusBench=true");
    Path shared = Path.of(System.getProperty("egretta.shared", "../../shared"));
    String url = System.getProperty("egretta.es.url", "");
    url = url.isBlank() ? SharedNode.url() : url;
    int bulk = Integer.parseInt(System.getProperty("egretta.es.bulk", "256"));
    List<JsonNode> questions = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("../eval/pdf-qa/dev.jsonl"))) {
      questions.add(EsHttp.JSON.readTree(line));
    }
    try (LuceneKnowledgeBase lucene = LuceneKnowledgeBase.open(dir.resolve("index"));
         ElasticsearchKnowledgeBase es = ElasticsearchKnowledgeBase.open(ElasticsearchConfig.builder(url)
             .index("corpus-bench-" + UUID.randomUUID().toString().substring(0, 8)).bulkChunks(bulk).build())) {
      IngestReport l = lucene.ingest(LocalFolderSource.of(shared.resolve("corpus")), IngestOptions.publicLibrary(), IngestListener.NONE);
      IngestReport e = es.ingest(LocalFolderSource.of(shared.resolve("corpus")), IngestOptions.publicLibrary(), IngestListener.NONE);
      System.out.printf(Locale.ROOT, "ingest %d chunks: lucene %.1f s (%.1f chunks/s), elasticsearch %.1f s (%.1f chunks/s, bulk %d)%n",
          l.chunks(), l.seconds(), l.chunks() / l.seconds(), e.seconds(), e.chunks() / e.seconds(), bulk);
      double[] lms = latencies(lucene, questions);
      double[] ems = latencies(es, questions);
      int sameFirst = 0;
      double overlap = 0;
      for (JsonNode q : questions) {
        List<String> a = top(lucene, q, 5);
        List<String> b = top(es, q, 5);
        sameFirst += !a.isEmpty() && !b.isEmpty() && a.get(0).equals(b.get(0)) ? 1 : 0;
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        overlap += a.isEmpty() ? 1 : (double) common.size() / a.size();
      }
      System.out.printf(Locale.ROOT, "%d questions, hybrid top-10, one thread: lucene p50 %.1f ms p99 %.1f ms; elasticsearch"
          + " p50 %.1f ms p99 %.1f ms; same first hit %d/%d, top-5 overlap %.3f%n", questions.size(), p(lms, 0.5),
          p(lms, 0.99), p(ems, 0.5), p(ems, 0.99), sameFirst, questions.size(), overlap / questions.size());
    }
  }

  private static List<String> top(Retriever r, JsonNode q, int n) {
    return r.retrieve(request(q, n)).stream().map(RetrievedPassage::chunkId).toList();
  }

  private static RetrievalRequest request(JsonNode q, int n) {
    return new RetrievalRequest(q.path("question").asText(),
        SearchScope.publicOnly(q.path("domain").asText(), q.path("category").asText()), n);
  }

  private static double[] latencies(Retriever r, List<JsonNode> questions) {
    for (int i = 0; i < 20; i++) {
      r.retrieve(request(questions.get(i % questions.size()), 10));
    }
    double[] ms = new double[questions.size()];
    for (int i = 0; i < ms.length; i++) {
      long t = System.nanoTime();
      r.retrieve(request(questions.get(i), 10));
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  private static double p(double[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
  }
}
