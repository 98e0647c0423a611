package dev.egretta.bench;

import static dev.egretta.bench.Report.fmt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Issue #3's latency target on the BEIR SciFact index (built once into the cache folder, then reused). */
final class SciFactStep {
  private final BenchOptions options;
  private final ChildJvm jvm;
  private final Report report;
  private final Map<String, Object> raw;

  SciFactStep(BenchOptions options, ChildJvm jvm, Report report, Map<String, Object> raw) {
    this.options = options;
    this.jvm = jvm;
    this.report = report;
    this.raw = raw;
  }

  void run() throws Exception {
    Path scifact = options.shared().resolve("eval").resolve("scifact");
    if (!Files.exists(scifact.resolve("corpus.jsonl"))) {
      report.note("SciFact latency not measured: " + scifact + " is missing.");
      return;
    }
    Path index = options.cacheDir().resolve("scifact-index");
    if (options.quick() && !Files.exists(index.resolve("egretta-bench-complete"))) {
      report.note("SciFact latency not measured in --quick mode: its index is not cached yet (a full run builds it once, "
          + "about 5-10 minutes of embedding, into " + index + ").");
      return;
    }
    Files.createDirectories(index);
    int warmup = 1;
    int rounds = options.quick() ? 1 : 2;
    ChildJvm.Result r = jvm.run("scifact", BenchRunner.HEAP, BenchRunner.minutes(40), BenchRunner.args(scifact, index, warmup, rounds));
    double[] samples = SideBySide.samples(r, "latenciesMs");
    double p50 = Stats.percentile(samples, 50);
    double p95 = Stats.percentile(samples, 95);
    double p99 = Stats.percentile(samples, 99);
    Map<String, Object> v = new java.util.LinkedHashMap<>(r.values());
    v.remove("latenciesMs");
    raw.put("scifact", v);
    String built = Boolean.TRUE.equals(r.values().get("cachedIndex"))
        ? "reused from the cache" + (Files.exists(index.resolve("PROVENANCE")) ? ": " + Files.readString(index.resolve("PROVENANCE")).strip() : "")
        : String.format("built in this run in %.0f s", r.number("buildSeconds"));
    report.add(new Report.Section("Retrieval latency on BEIR SciFact (issue #3)",
        String.format("Egretta's hybrid top-10 retrieval (query embedding + BM25 + kNN + fusion + stored fields) over the SciFact "
            + "index (%d chunks of the 5,183 abstracts, Egretta defaults; index %s); the %d test queries one at a time on one "
            + "thread, 1 warm-up round, %d measured round(s) (%d samples).", (int) r.number("chunks"), built,
            (int) r.number("queries"), rounds, samples.length),
        List.of("p50 (ms)", "p95 (ms)", "p99 (ms)", "nDCG@10 (sanity)", "heap", "peak RSS (MB)"),
        List.of(List.of(fmt(p50), fmt(p95), fmt(p99), fmt(r.number("ndcg10")), "-Xmx" + BenchRunner.HEAP, Report.mb(r.peakRssBytes()))),
        List.of("Measured through the eval module's `BeirEvaluator.latenciesMs` (`dev.egretta.eval`; its scope, its index layout); nDCG@10 "
            + "from `BeirEvaluator.evaluate(HYBRID)` checks that the index is sound.")));
    report.target("SciFact retrieval p50 <= 15 ms (#3)", p50, 15, true, " ms", "");
    report.target("SciFact retrieval p99 <= 40 ms (#3)", p99, 40, true, " ms", "");
  }
}
