package dev.egretta.bench;

import static dev.egretta.bench.Report.fmt;
import static dev.egretta.bench.Report.mb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 3: synthetic corpora of 10k and 100k chunks (1M with {@code --with-1m}), float and int8 vectors:
 * indexing throughput, force-merge time, index size, heap, BM25 / kNN / hybrid latency and kNN recall@10
 * against exact search; then the latency plot.
 */
final class ScaleCurves {
  static final long SEED = 20261122L;

  private final BenchOptions options;
  private final ChildJvm jvm;
  private final Report report;
  private final Map<String, Object> raw;
  private final BenchRunner.Checkpoint checkpoint;

  ScaleCurves(BenchOptions options, ChildJvm jvm, Report report, Map<String, Object> raw, BenchRunner.Checkpoint checkpoint) {
    this.checkpoint = checkpoint;
    this.options = options;
    this.jvm = jvm;
    this.report = report;
    this.raw = raw;
  }

  /** The figures of one corpus size and vector format. */
  record Point(int target, boolean int8, ChildJvm.Result build, ChildJvm.Result query) {
    double chunks() {
      return build.number("chunks");
    }

    double p(String kind, double percentile) {
      return Stats.percentile(SideBySide.samples(query, kind + "LatenciesMs"), percentile);
    }
  }

  void run() throws Exception {
    List<Point> points = new ArrayList<>();
    List<Map<String, Object>> rawPoints = new ArrayList<>();
    for (int size : options.syntheticSizes()) {
      for (boolean int8 : new boolean[] {false, true}) {
        Path index = options.workDir().resolve("synthetic-" + size + (int8 ? "-int8" : "-float"));
        try {
          long minutes = 10 + size / 5_000;
          ChildJvm.Result build = jvm.run("synthetic-build", BenchRunner.HEAP, BenchRunner.minutes(minutes),
              BenchRunner.args(index, size, int8, SEED));
          int queries = size >= 1_000_000 ? 100 : (options.quick() ? 100 : 200);
          ChildJvm.Result query = jvm.run("synthetic-query", BenchRunner.HEAP, BenchRunner.minutes(minutes),
              BenchRunner.args(index, (int) build.number("documents"), int8, SEED, queries, 100));
          Point p = new Point(size, int8, build, query);
          points.add(p);
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("target", size);
          r.put("int8", int8);
          r.put("build", build.values());
          Map<String, Object> q = new LinkedHashMap<>(query.values());
          q.keySet().removeIf(k -> k.endsWith("LatenciesMs"));
          for (String kind : List.of("bm25", "dense", "hybrid", "hybridWithModel")) {
            q.put(kind + "P50", p.p(kind, 50));
            q.put(kind + "P99", p.p(kind, 99));
          }
          r.put("query", q);
          r.put("queryPeakRssBytes", query.peakRssBytes());
          rawPoints.add(r);
          raw.put("scaleCurves", rawPoints);
          addTables(points);
          plot(points);
          targets(points);
          checkpoint.save();
        } catch (Exception e) {
          report.failure("scale curve " + size + (int8 ? " int8" : " float"), e);
        } finally {
          BenchRunner.deleteQuietly(index);
        }
      }
    }
  }

  private void addTables(List<Point> points) {
    List<List<String>> build = new ArrayList<>();
    List<List<String>> search = new ArrayList<>();
    for (Point p : points) {
      String name = fmt(p.chunks()) + (p.int8() ? " int8" : " float");
      build.add(List.of(name, fmt(p.build().number("documents")), fmt(p.chunks() / p.build().number("indexSeconds")),
          fmt(p.build().number("indexSeconds")), fmt(p.build().number("forceMergeSeconds")), mb(p.build().number("indexBytes")),
          mb(p.build().number("peakHeapIndexingBytes")), mb(p.build().peakRssBytes())));
      search.add(List.of(name, fmt(p.p("bm25", 50)), fmt(p.p("bm25", 99)), fmt(p.p("dense", 50)), fmt(p.p("dense", 99)),
          fmt(p.p("hybrid", 50)), fmt(p.p("hybrid", 99)), fmt(p.p("hybridWithModel", 50)), fmt(p.p("hybridWithModel", 99)),
          fmt(p.query().number("denseRecallAt10")),
          mb(p.query().number("heapAfterGcBytes")), mb(p.query().peakRssBytes())));
    }
    report.add(new Report.Section("Scale curves: indexing",
        "Synthetic corpora (bench `synthetic` package): documents of ~3,000 words on one topic each, words drawn from a "
            + "60,000-word Zipfian vocabulary (exponent 1.05) or from the topic's own Zipf-weighted words; vectors from a "
            + "synthetic 384-dimension embedding model with the structure of sentence embeddings (shared mean direction, "
            + "mixture of Gaussians around super-topic and topic centroids, a lexical subspace so texts sharing words are "
            + "close, isotropic remainder; unit length), plugged into `LuceneConfig.embeddingModel` so that ingestion runs "
            + "Egretta's real path (`LuceneKnowledgeBase.ingest` of a `TextDocumentSource`: chunking, dedup, Lucene "
            + "blocks, commits) in microseconds per chunk instead of the real model's ~50 ms. Each build in its own JVM "
            + "with -Xmx" + BenchRunner.HEAP + ". Force merge = `IndexWriter.forceMerge(1)` with Egretta's codec (the "
            + "knowledge base has no merge call). Peak heap = sum of the heap pools' peaks while indexing (an upper bound).",
        List.of("chunks, vectors", "documents", "indexing (chunks/s)", "indexing (s)", "force merge (s)", "index on disk (MB)",
            "peak heap indexing (MB)", "peak RSS build (MB)"),
        build, List.of()));
    report.add(new Report.Section("Scale curves: search (top 10)",
        "Through `LuceneKnowledgeBase.search(request, kind)` with the scope filter, after 100 warm-up queries; 3-8-word "
            + "synthetic questions on one thread. Latency covers the synthetic query embedding (microseconds), the Lucene "
            + "search(es), RRF fusion, score calibration and stored fields. The \"+ model\" columns repeat the hybrid "
            + "searches with the real model's query embedding in the loop: for each search Egretta's built-in bge-small "
            + "embeds one of the 72 real questions of the side-by-side step, in turn (as the engine embeds it, on its "
            + "own thread while BM25 runs, as in a default knowledge base), and that vector is discarded for the "
            + "synthetic question's, since the index lives in the synthetic model's space (`RealQueryCostModel`). "
            + "Recall@10 = overlap of the kNN top 10 with the exact top 10 by brute force over the index's "
            + "full-precision vectors. Heap = used heap after two `System.gc()` with the index open (the live set), in a "
            + "JVM with -Xmx" + BenchRunner.HEAP + ".",
        List.of("chunks, vectors", "BM25 p50 (ms)", "BM25 p99", "kNN p50", "kNN p99", "hybrid p50", "hybrid p99",
            "hybrid + model p50", "hybrid + model p99", "kNN recall@10", "heap after GC (MB)", "peak RSS (MB)"),
        search, List.of()));
  }

  private void plot(List<Point> points) throws Exception {
    if (points.isEmpty()) {
      return;
    }
    List<LatencyPlot.Series> series = new ArrayList<>();
    for (boolean int8 : new boolean[] {false, true}) {
      for (String kind : List.of("hybrid", "dense", "bm25")) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Point p : points) {
          if (p.int8() == int8) {
            x.add(p.chunks());
            y.add(p.p(kind, 50));
          }
        }
        String label = (kind.equals("dense") ? "kNN" : kind.equals("bm25") ? "BM25" : "hybrid") + " p50, "
            + (int8 ? "int8" : "float");
        series.add(new LatencyPlot.Series(label, x, y, int8));
      }
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (Point p : points) {
        if (p.int8() == int8) {
          x.add(p.chunks());
          y.add(p.p("hybrid", 99));
        }
      }
      series.add(new LatencyPlot.Series("hybrid p99, " + (int8 ? "int8" : "float"), x, y, int8));
      List<Double> withModel = new ArrayList<>();
      for (Point p : points) {
        if (p.int8() == int8) {
          withModel.add(p.p("hybridWithModel", 50));
        }
      }
      series.add(new LatencyPlot.Series("hybrid + query embedding p50, " + (int8 ? "int8" : "float"), x, withModel, int8));
    }
    Path png = options.outDir().resolve("latency-vs-size.png");
    LatencyPlot.write(png, "Egretta search latency (top 10) vs corpus size", series);
    report.plot("Search latency against corpus size", "latency-vs-size.png");
  }

  private void targets(List<Point> points) {
    if (!options.syntheticSizes().contains(1_000_000)) {
      report.target("retrieval p50 <= 25 ms at 1M chunks with int8 (#8)", Double.NaN, 25, true, "", "needs --with-1m");
      report.target("1M chunks served within a 2 GB heap (#8)", Double.NaN, 2048, true, "", "needs --with-1m");
    }
    for (Point p : points) {
      if (p.target() == 100_000 && !p.int8()) {
        report.target("retrieval p50 <= 10 ms at 100k chunks, search only (#8)", p.p("hybrid", 50), 10, true, " ms",
            "float vectors");
        report.target("retrieval p50 <= 10 ms at 100k chunks, with the real query embedding (#8)",
            p.p("hybridWithModel", 50), 10, true, " ms", "float vectors");
        report.target("retrieval p99 <= 30 ms at 100k chunks, search only (#8)", p.p("hybrid", 99), 30, true, " ms",
            "float vectors");
        report.target("retrieval p99 <= 30 ms at 100k chunks, with the real query embedding (#8)",
            p.p("hybridWithModel", 99), 30, true, " ms", "float vectors");
      }
      if (p.target() == 1_000_000 && p.int8()) {
        report.target("retrieval p50 <= 25 ms at 1M chunks with int8, search only (#8)", p.p("hybrid", 50), 25, true,
            " ms", "");
        report.target("retrieval p50 <= 25 ms at 1M chunks with int8, with the real query embedding (#8)",
            p.p("hybridWithModel", 50), 25, true, " ms", "");
        report.target("1M chunks served within a 2 GB heap (#8)", p.query().number("heapAfterGcBytes") / 1048576.0, 2048, true,
            " MB live heap", "searches ran in a JVM with -Xmx" + BenchRunner.HEAP);
      }
    }
  }
}
