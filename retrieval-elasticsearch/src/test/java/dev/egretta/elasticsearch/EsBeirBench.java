package dev.egretta.elasticsearch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.eval.BeirOnBackend;
import dev.egretta.eval.Metrics;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.RetrieverKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Not a test: BEIR relevance, query latency and ingestion throughput through the Elasticsearch backend,
 * to compare with the Lucene backend's figures (eval's regressions.json). Runs only when asked:
 * {@code mvn -pl retrieval-elasticsearch -am verify -Dtest=EsBeirBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Degretta.es.bench=scifact,obliqa [-Degretta.es.url=http://...] [-Degretta.es.bulk=256]}; without a URL it
 * starts one node. Figures go to standard output and {@code target/es-bench-<datasets>.txt}.
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
      try (var kb = ElasticsearchKnowledgeBase.open(ElasticsearchConfig.builder(url).index("beir-" + name.strip())
          .bulkChunks(bulk).build())) {
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
        IngestReport r = eval.index(IngestListener.NONE);
        line(out, String.format(Locale.ROOT, "%s ingest: %d new docs, %d unchanged, %d chunks in %.1f s (%.1f chunks/s),"
            + " bulk %d chunks", name, r.documentsIndexed(), r.documentsUnchanged(), r.chunks(), r.seconds(),
            r.chunks() / Math.max(0.001, r.seconds()), bulk));
        for (RetrieverKind kind : RetrieverKind.values()) {
          long t = System.nanoTime();
          Metrics m = eval.evaluate(kind);
          line(out, String.format(Locale.ROOT, "%s %s %s (%.0f s)", name, kind.name().toLowerCase(Locale.ROOT),
              m.toJson(), (System.nanoTime() - t) / 1e9));
        }
        double[] ms = eval.latenciesMs(10, 50);
        line(out, String.format(Locale.ROOT, "%s hybrid top-10 latency over %d queries, one thread: p50 %.1f ms, p99 %.1f ms",
            name, ms.length, ms[ms.length / 2], ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)]));
      }
    }
    Files.writeString(Path.of("target/es-bench-" + which.replace(',', '-') + ".txt"), out.toString());
  }

  private static void line(StringBuilder out, String line) {
    System.out.println(line);
    out.append(line).append('\n');
  }
}
