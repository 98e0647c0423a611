package dev.egretta.elasticsearch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.eval.BeirEvaluator;
import dev.egretta.eval.BeirOnBackend;
import dev.egretta.eval.Metrics;
import dev.egretta.lucene.BackendParts;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.RetrieverKind;
import dev.egretta.lucene.LuceneConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Not a test: BEIR relevance, query latency and ingestion throughput through the Elasticsearch backend,
 * to compare with the Lucene backend's figures (eval's regressions.json). Runs only when asked:
 * {@code mvn -pl retrieval-elasticsearch -am verify -Dtest=EsBeirBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Degretta.es.bench=scifact,obliqa [-Degretta.es.url=http://...] [-Degretta.es.bulk=256] [-Degretta.es.proximity=W]}
 * (W: the weight of BM25's proximity clauses on both backends; the fitted one when absent); without a URL it
 * starts one node. With {@code -Degretta.es.fromLucene=true} the corpus is not ingested but copied from the
 * Lucene index ({@link LuceneTransplant}: no second embedding run). Figures go to standard output and {@code target/es-bench-<datasets>.txt}.
 */
public class EsBeirBench {
  @Test
  void bench() throws Exception {
    String which = System.getProperty("egretta.es.bench", "");
    assumeTrue(!which.isBlank(), "the bench runs only with -Degretta.es.bench=scifact,obliqa");
    String url = System.getProperty("egretta.es.url", "");
    run(url.isBlank() ? SharedNode.url() : url, which, Integer.parseInt(System.getProperty("egretta.es.bulk", "256")),
        Path.of(System.getProperty("egretta.shared", "../../shared")));
  }

  /** From a shell against a running cluster: {@code java -cp <test classpath> ... EsBeirBench URL DATASETS BULK SHARED}. */
  public static void main(String[] args) throws Exception {
    run(args[0], args[1], Integer.parseInt(args[2]), Path.of(args[3]));
  }

  private static void run(String url, String which, int bulk, Path shared) throws Exception {
    StringBuilder out = new StringBuilder();
    for (String name : which.split(",")) {
      Path dataset = shared.resolve("eval").resolve(name.strip());
      String split = name.strip().equals("obliqa") ? "dev" : "test";
      LuceneConfig.Builder pipeline = LuceneConfig.builder();
      String proximity = System.getProperty("egretta.es.proximity", "");
      if (!proximity.isBlank()) {
        pipeline.bm25Proximity(Double.parseDouble(proximity)); // both backends, to compare with and without the clauses
      }
      try (var kb = ElasticsearchKnowledgeBase.open(ElasticsearchConfig.builder(url).index("beir-" + name.strip())
          .bulkChunks(bulk).pipeline(pipeline.build()).build())) {
        BeirOnBackend eval = BeirOnBackend.open(dataset, split, new BeirOnBackend.Backend() {
          @Override
          public IngestReport ingest(DocumentSource source, IngestOptions options, IngestListener listener) {
            return kb.ingest(source, options, listener);
          }

          @Override
          public List<RetrievedPassage> search(RetrievalRequest request, RetrieverKind kind) {
            return kb.search(request, kind);
          }
        });
        Path lucene = luceneCopy(dataset, name.strip(), kb.config().pipeline());
        if (Boolean.getBoolean("egretta.es.fromLucene")) {
          // The corpus's chunks and vectors from the Lucene index, not re-embedded (see LuceneTransplant).
          long t = System.nanoTime();
          int n;
          try (EsHttp http = new EsHttp(kb.config().hosts(), null, 120_000);
               BackendParts parts = BackendParts.create(kb.config().pipeline())) {
            n = LuceneTransplant.copy(lucene, http, kb.config().index(), parts, bulk);
          }
          line(out, String.format(Locale.ROOT, "%s: %d chunks copied from the Lucene index %s in %.1f s (bulk %d), not"
              + " re-embedded", name, n, lucene, (System.nanoTime() - t) / 1e9, bulk));
        } else {
          IngestReport r = eval.index(IngestListener.NONE);
          line(out, String.format(Locale.ROOT, "%s ingest: %d new docs, %d unchanged, %d chunks in %.1f s (%.1f chunks/s),"
              + " bulk %d chunks", name, r.documentsIndexed(), r.documentsUnchanged(), r.chunks(), r.seconds(),
              r.chunks() / Math.max(0.001, r.seconds()), bulk));
        }
        Map<RetrieverKind, Metrics> esMetrics = new EnumMap<>(RetrieverKind.class);
        for (RetrieverKind kind : RetrieverKind.values()) {
          long t = System.nanoTime();
          Metrics m = eval.evaluate(kind);
          esMetrics.put(kind, m);
          line(out, String.format(Locale.ROOT, "%s %s %s (%.0f s)", name, kind.name().toLowerCase(Locale.ROOT),
              m.toJson(), (System.nanoTime() - t) / 1e9));
        }
        double[] ms = eval.latenciesMs(10, 50);
        line(out, latency(name + " elasticsearch", ms));
        compareWithLucene(out, dataset, split, lucene, name.strip(), kb.config().pipeline(), esMetrics);
      }
    }
    Files.writeString(Path.of("target/es-bench-" + which.replace(',', '-') + ".txt"), out.toString());
  }

  /**
   * The Lucene backend on the same pipeline settings in the same JVM and at the same load, over the index
   * {@link #luceneCopy} found (built when absent). Prints both backends' nDCG@10 and the difference.
   */
  private static void compareWithLucene(StringBuilder out, Path dataset, String split, Path copy, String name,
      LuceneConfig pipeline, Map<RetrieverKind, Metrics> es) {
    try (BeirEvaluator lucene = BeirEvaluator.open(dataset, split, copy, pipeline)) {
      lucene.index(System.err);
      for (RetrieverKind kind : RetrieverKind.values()) {
        Metrics l = lucene.evaluate(kind);
        Metrics e = es.get(kind);
        line(out, String.format(Locale.ROOT, "%s %s nDCG@10 lucene %.4f elasticsearch %.4f (diff %+.4f); recall@100 %.4f / %.4f",
            name, kind.name().toLowerCase(Locale.ROOT), l.ndcg10(), e.ndcg10(), e.ndcg10() - l.ndcg10(), l.recall100(), e.recall100()));
      }
      line(out, latency(name + " lucene", lucene.latenciesMs(10, 50)));
    }
  }

  /**
   * A copy of the dataset's Lucene index in target/: {@code -Degretta.es.luceneIndex} or eval's default index
   * dir (other processes may hold the original's write lock); an empty folder when there is none yet.
   */
  private static Path luceneCopy(Path dataset, String name, LuceneConfig pipeline) throws IOException {
    Path source = Path.of(System.getProperty("egretta.es.luceneIndex", BeirEvaluator.defaultIndexDir(dataset, pipeline).toString()));
    Path copy = Path.of("target/lucene-" + name);
    if (Files.isDirectory(source) && !Files.exists(copy)) {
      Files.createDirectories(copy);
      try (Stream<Path> files = Files.list(source)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          if (!f.getFileName().toString().equals("write.lock")) {
            Files.copy(f, copy.resolve(f.getFileName()));
          }
        }
      }
    }
    return copy;
  }

  private static String latency(String what, double[] ms) {
    return String.format(Locale.ROOT, "%s hybrid top-10 latency over %d queries, one thread: p50 %.1f ms, p99 %.1f ms",
        what, ms.length, ms[ms.length / 2], ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)]);
  }

  private static void line(StringBuilder out, String line) {
    System.out.println(line);
    out.append(line).append('\n');
  }
}
