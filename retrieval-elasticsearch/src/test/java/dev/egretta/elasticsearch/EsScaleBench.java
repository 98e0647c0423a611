package dev.egretta.elasticsearch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LocalFolderSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Not a test: one node against three, on the same corpus and questions in one JVM. For each cluster it
 * ingests ../shared/corpus end to end (parse, embed, {@code _bulk}), then measures hybrid top-10 query
 * latency p50/p99 and throughput with 1, 4 and 8 concurrent clients (the pdf-qa dev questions; query
 * vectors cached by a warm-up pass, so the figures are the cluster's round trips plus fusion), and sweeps
 * the {@code _bulk} size over the write path alone (the corpus's embedded chunks re-sent ×{@link #COPIES} into
 * a fresh index per size, refresh included). Every figure is the median of {@link #REPEATS} rounds; the load
 * average is printed with each block. Runs only with {@code -Degretta.es.scaleBench=true}; figures go to
 * standard output and {@code target/es-scale-bench.txt}.
 */
class EsScaleBench {
  private static final int REPEATS = 3;
  private static final int COPIES = 4;
  private static final int[] CLIENTS = {1, 4, 8};
  private static final int[] BULK_SIZES = {32, 128, 512, 2048};
  private static final int QUERIES_PER_ROUND = 120;

  private final StringBuilder out = new StringBuilder();

  @Test
  void bench() throws Exception {
    assumeTrue(Boolean.getBoolean("egretta.es.scaleBench"), "runs only with -Degretta.es.scaleBench=true");
    var why = EsTestCluster.unavailable();
    assumeTrue(why.isEmpty(), () -> "Elasticsearch bench skipped: " + why.orElse(""));
    Path shared = Path.of(System.getProperty("egretta.shared", "../../shared"));
    List<JsonNode> questions = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("../eval/pdf-qa/dev.jsonl"))) {
      questions.add(EsHttp.JSON.readTree(line));
    }
    Map<Integer, Map<String, Double>> results = new LinkedHashMap<>();
    for (int nodes : new int[] {1, 3}) {
      line("== %d node(s): %d shard(s), %d replica(s), 512 MB heap a node; load %s", nodes, nodes, nodes == 1 ? 0 : 1, load());
      try (EsTestCluster cluster = EsTestCluster.start(nodes);
           ElasticsearchKnowledgeBase kb = ElasticsearchKnowledgeBase.open(ElasticsearchConfig.builder(cluster.url())
               .index("scale").shards(nodes).replicas(nodes == 1 ? 0 : 1).timeout(Duration.ofSeconds(120)).build())) {
        Map<String, Double> r = new LinkedHashMap<>();
        IngestReport ingest = kb.ingest(LocalFolderSource.of(shared.resolve("corpus")), IngestOptions.publicLibrary(),
            IngestListener.NONE);
        r.put("ingest docs/s", ingest.documentsIndexed() / ingest.seconds());
        line("ingest end to end (parse, embed, bulk 256): %d docs, %d chunks in %.1f s = %.2f docs/s, %.1f chunks/s; load %s",
            ingest.documentsIndexed(), ingest.chunks(), ingest.seconds(), ingest.documentsIndexed() / ingest.seconds(),
            ingest.chunks() / ingest.seconds(), load());
        questions.forEach(q -> kb.retrieve(request(q))); // warm-up: JIT, caches, the query vectors
        for (int clients : CLIENTS) {
          double[][] rounds = new double[REPEATS][];
          for (int i = 0; i < REPEATS; i++) {
            rounds[i] = queries(kb, questions, clients);
          }
          double p50 = median(rounds, 0);
          double p99 = median(rounds, 1);
          double qps = median(rounds, 2);
          r.put(clients + " clients p50", p50);
          r.put(clients + " clients p99", p99);
          r.put(clients + " clients q/s", qps);
          line("query, %d client(s): p50 %.1f ms, p99 %.1f ms, %.1f queries/s (medians of %d rounds of %d queries); load %s",
              clients, p50, p99, qps, REPEATS, QUERIES_PER_ROUND, load());
        }
        bulkSweep(kb, cluster, nodes, r);
        results.put(nodes, r);
      }
    }
    line("== three nodes / one node (same run)");
    results.get(1).forEach((k, one) -> line("%s: %.2f (1 node %.1f, 3 nodes %.1f)", k, results.get(3).get(k) / one, one,
        results.get(3).get(k)));
    Files.writeString(Path.of("target/es-scale-bench.txt"), out.toString());
  }

  /** Latency p50, p99 (ms) and throughput (queries/s) of one round: {@code clients} threads share the queries. */
  private static double[] queries(ElasticsearchKnowledgeBase kb, List<JsonNode> questions, int clients) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      int each = QUERIES_PER_ROUND / clients;
      List<Future<double[]>> work = new ArrayList<>();
      long start = System.nanoTime();
      for (int c = 0; c < clients; c++) {
        int offset = c * 17;
        work.add(pool.submit(() -> {
          double[] ms = new double[each];
          for (int i = 0; i < each; i++) {
            long t = System.nanoTime();
            kb.retrieve(request(questions.get((offset + i) % questions.size())));
            ms[i] = (System.nanoTime() - t) / 1e6;
          }
          return ms;
        }));
      }
      double[] all = new double[each * clients];
      for (int c = 0; c < clients; c++) {
        System.arraycopy(work.get(c).get(), 0, all, c * each, each);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Arrays.sort(all);
      return new double[] {percentile(all, 0.5), percentile(all, 0.99), all.length / seconds};
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The write path alone at several {@code _bulk} sizes: the corpus's chunks as stored (vectors included) are
   * sent {@link #COPIES} times under new ids into a fresh index of the same mapping, then refreshed. Sizes are
   * interleaved across rounds so that a change of load hits every size alike; the indices go with the cluster.
   */
  private void bulkSweep(ElasticsearchKnowledgeBase kb, EsTestCluster cluster, int nodes, Map<String, Double> r) {
    try (EsHttp http = new EsHttp(kb.config().hosts(), null, 120_000)) {
      String index = kb.config().index();
      List<JsonNode> chunks = new ArrayList<>();
      http.post("/" + index + "/_search", EsHttp.JSON.readTree("{\"size\":10000,\"query\":{\"match_all\":{}}}"))
          .path("hits").path("hits").forEach(h -> chunks.add(h.path("_source")));
      JsonNode mapping = http.get("/" + index + "/_mapping").path(index).path("mappings");
      JsonNode similarity = http.get("/" + index + "/_settings").path(index).path("settings").path("index").path("similarity");
      Map<Integer, double[]> docsPerSecond = new LinkedHashMap<>();
      for (int round = 0; round < REPEATS; round++) {
        for (int size : BULK_SIZES) {
          String target = "sweep-" + size + "-" + round;
          ObjectNode body = EsHttp.JSON.createObjectNode();
          body.putObject("settings").putObject("index").put("number_of_shards", nodes).put("number_of_replicas", nodes == 1 ? 0 : 1)
              .set("similarity", similarity);
          body.set("mappings", mapping);
          http.put("/" + target, body);
          cluster.get("/_cluster/health/" + target + "?wait_for_status=green&timeout=60s");
          long start = System.nanoTime();
          Bulk bulk = new Bulk();
          int sent = 0;
          for (int copy = 0; copy < COPIES; copy++) {
            for (JsonNode chunk : chunks) {
              bulk.index(target, copy + ":" + chunk.path(IndexSchema.CHUNK_ID).asText(), (ObjectNode) chunk, "sweep");
              if (bulk.size() == size) {
                sent += send(bulk, http);
                bulk = new Bulk();
              }
            }
          }
          sent += send(bulk, http);
          http.post("/" + target + "/_refresh", null);
          double seconds = (System.nanoTime() - start) / 1e9;
          docsPerSecond.computeIfAbsent(size, s -> new double[REPEATS])[round] = sent / seconds;
        }
      }
      for (int size : BULK_SIZES) {
        double[] v = docsPerSecond.get(size).clone();
        Arrays.sort(v);
        r.put("bulk " + size + " chunks/s", v[REPEATS / 2]);
        line("bulk write path, %d chunks a request: %.0f chunks/s (median of %d rounds of %d chunks, vectors included, refresh"
            + " included); load %s", size, v[REPEATS / 2], REPEATS, chunks.size() * COPIES, load());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int send(Bulk bulk, EsHttp http) {
    if (bulk.isEmpty()) {
      return 0;
    }
    List<Bulk.Failure> failures = bulk.send(http);
    if (!failures.isEmpty()) {
      throw new IllegalStateException("the sweep's bulk was refused: " + failures.getFirst().reason());
    }
    return bulk.size();
  }

  private static RetrievalRequest request(JsonNode q) {
    return new RetrievalRequest(q.path("question").asText(),
        SearchScope.publicOnly(q.path("domain").asText(), q.path("category").asText()), 10);
  }

  private static double median(double[][] rounds, int column) {
    double[] v = Arrays.stream(rounds).mapToDouble(x -> x[column]).sorted().toArray();
    return v[v.length / 2];
  }

  private static double percentile(double[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
  }

  private static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private void line(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    System.out.println(line);
    out.append(line).append('\n');
  }
}
