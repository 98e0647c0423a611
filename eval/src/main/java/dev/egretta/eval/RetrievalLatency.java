package dev.egretta.eval;

import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.RetrieverKind;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Latency of retrieval (query embedding, search, stored fields; reranking when the pipeline has it)
 * for the top 10 of every query of a BEIR split, one query at a time: the engine's default pipeline,
 * the same with the built-in reranker, and BM25 alone as the reference measured in the same run.
 * The pipelines alternate, round after round, so that a shared machine's load falls on all of them;
 * the figures are the medians over the rounds of each round's p50 and p99, with the load average.
 *
 * <pre>eval/bin/run RetrievalLatency [--dataset ../shared/eval/scifact] [--split test] [--rounds 5] [--warmup 50]</pre>
 */
public final class RetrievalLatency {
  private RetrievalLatency() {}

  public static void main(String[] args) {
    Path dataset = Path.of("../shared/eval/scifact");
    String split = "test";
    int rounds = 5;
    int warmup = 50;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--dataset" -> dataset = Path.of(args[i + 1]);
        case "--split" -> split = args[i + 1];
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        default -> {
          System.err.println("usage: RetrievalLatency [--dataset DIR] [--split test] [--rounds 5] [--warmup 50]");
          System.exit(2);
        }
      }
    }
    if (args.length % 2 != 0) {
      System.err.println("usage: RetrievalLatency [--dataset DIR] [--split test] [--rounds 5] [--warmup 50]");
      System.exit(2);
    }
    Map<String, EvalPipeline> pipelines = new LinkedHashMap<>();
    EvalPipeline defaults = EvalPipeline.defaults();
    pipelines.put("default (" + defaults.name() + ")", defaults);
    pipelines.put("default + builtin rerank", EvalPipeline.of(null, "builtin"));
    pipelines.put("bm25 (reference)", new EvalPipeline(RetrieverKind.BM25, Optional.empty(), "none"));
    Map<String, List<double[]>> runs = new LinkedHashMap<>();
    double loadBefore = load();
    try (BeirEvaluator eval = BeirEvaluator.open(dataset, split, null, LuceneConfig.builder().build())) {
      eval.index(System.err);
      for (int round = 1; round <= rounds; round++) {
        for (Map.Entry<String, EvalPipeline> p : pipelines.entrySet()) {
          double[] ms = eval.latenciesMs(10, warmup, p.getValue());
          double[] q = {percentile(ms, 0.50), percentile(ms, 0.99)};
          runs.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(q);
          System.err.printf(Locale.ROOT, "round %d %-26s p50 %6.2f ms  p99 %6.2f ms  (%d queries, load %.1f)%n",
              round, p.getKey(), q[0], q[1], ms.length, load());
        }
      }
    }
    double loadAfter = load();
    double[] reference = medians(runs.get("bm25 (reference)"));
    System.out.printf(Locale.ROOT, "%s %s, top 10, one query at a time, %d rounds, %d cores, load average %.1f -> %.1f%n",
        dataset.getFileName(), split, rounds, Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
    runs.forEach((name, r) -> {
      double[] m = medians(r);
      System.out.printf(Locale.ROOT, "%-26s p50 %6.2f ms  p99 %6.2f ms  (x%.2f / x%.2f of bm25)%n",
          name, m[0], m[1], m[0] / reference[0], m[1] / reference[1]);
    });
  }

  /** The nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double[] medians(List<double[]> rounds) {
    double[] out = new double[2];
    for (int j = 0; j < 2; j++) {
      int col = j;
      double[] v = rounds.stream().mapToDouble(r -> r[col]).sorted().toArray();
      out[j] = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
    return out;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
