package dev.egretta.bench;

import static dev.egretta.bench.Report.fmt;
import static dev.egretta.bench.Report.mb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Step 1 and 2: ingestion of the shared PDFs and top-10 query latency, Egretta next to LangChain4j Easy
 * RAG, plus the embedding-only reference over Egretta's own chunks. Every repetition runs each side in a
 * fresh child JVM, in a rotating order so that neither side always runs first.
 */
final class SideBySide {
  private final BenchOptions options;
  private final ChildJvm jvm;
  private final Report report;
  private final Map<String, Object> raw;
  private final BenchRunner.IngestFigures figures;

  SideBySide(BenchOptions options, ChildJvm jvm, Report report, Map<String, Object> raw, BenchRunner.IngestFigures figures) {
    this.options = options;
    this.jvm = jvm;
    this.report = report;
    this.raw = raw;
    this.figures = figures;
  }

  void run(Path corpus) throws Exception {
    CorpusInfo info = CorpusInfo.of(corpus);
    if (info.files() == 0) {
      throw new IllegalStateException("no PDFs under " + corpus);
    }
    int warmup = options.quick() ? 1 : 2;
    int rounds = options.quick() ? 2 : 3;
    int questions = Questions.corpusQuestions().size();
    Path texts = options.workDir().resolve("egretta-chunk-texts.json");
    List<ChildJvm.Result> egretta = new ArrayList<>();
    List<ChildJvm.Result> easyRag = new ArrayList<>();
    List<ChildJvm.Result> batched = new ArrayList<>();
    List<ChildJvm.Result> perText = new ArrayList<>();
    List<ChildJvm.Result> parse = new ArrayList<>();
    List<CliIngestion.Run> cli = new ArrayList<>();
    Optional<CliIngestion> launcher = CliIngestion.find(options.cacheDir(), options.outDir().resolve("child-logs"));
    if (launcher.isPresent()) {
      launcher.get().prepare();
    }
    for (int rep = 0; rep < options.repetitions(); rep++) {
      Path index = options.workDir().resolve("egretta-index-" + rep);
      Path cliIndex = options.workDir().resolve("egretta-cli-index-" + rep);
      int n = rep;
      Runnable[] order = {
        () -> egretta.add(call("egretta", BenchRunner.args(corpus, index, texts, warmup, rounds))),
        () -> easyRag.add(call("easyrag", BenchRunner.args(corpus, warmup, rounds))),
        () -> batched.add(call("embed", BenchRunner.args(texts, 2, 16))),
        () -> perText.add(call("embed", BenchRunner.args(texts, 2, 1))),
        () -> parse.add(call("parse", BenchRunner.args(corpus))),
        () -> launcher.ifPresent(l -> cli.add(cliIndex(l, corpus, cliIndex, n))),
      };
      // rep 0 must start with Egretta (the reference embeds its chunks); later reps rotate the order
      for (int i = 0; i < order.length; i++) {
        order[(i + rep) % order.length].run();
      }
      if (rep == 0) {
        figures.keptIndex = index;
      } else {
        BenchRunner.deleteQuietly(index);
      }
      BenchRunner.deleteQuietly(cliIndex);
    }
    // both retrievers in one JVM, alternating rounds: the steadier query comparison (QueryOneJvm). More warm-up
    // than above: Egretta's round p50 was still falling after 2 rounds (5.3 -> 3.8 ms), Easy RAG's was not
    int oneJvmWarmup = options.quick() ? 3 : 6;
    int oneJvmRounds = options.quick() ? 6 : 12;
    ChildJvm.Result oneJvm = call("onejvm", BenchRunner.args(corpus, figures.keptIndex, oneJvmWarmup, oneJvmRounds));
    raw.put("corpus", info);
    raw.put("egrettaIngest", values(egretta));
    raw.put("easyRagIngest", values(easyRag));
    raw.put("embeddingReferenceBatched", values(batched));
    raw.put("embeddingReferencePerText", values(perText));
    raw.put("parseAndChunkReference", values(parse));
    raw.put("cliIngest", cli);

    double egWall = median(egretta, r -> r.number("ingestSeconds"));
    double erWall = median(easyRag, r -> r.number("ingestSeconds"));
    double refBatched = median(batched, r -> r.number("totalSeconds"));
    double refPerText = median(perText, r -> r.number("totalSeconds"));
    double ref = Math.min(refBatched, refPerText);
    double egChunks = median(egretta, r -> r.number("chunks"));
    double erChunks = median(easyRag, r -> r.number("chunks"));
    double refChunks = median(batched, r -> r.number("texts"));
    List<List<String>> rows = new ArrayList<>();
    rows.add(row("Egretta (`LuceneKnowledgeBase.ingest`, defaults)", egWall, info.pages(), egChunks,
        median(egretta, r -> r.peakRssBytes()), median(egretta, ChildJvm.Result::processSeconds),
        "1.00 (reference: " + fmt(erWall / egWall) + "x Easy RAG's throughput)"));
    rows.add(row("LangChain4j Easy RAG (`EmbeddingStoreIngestor.ingest`, in-memory store)", erWall, info.pages(), erChunks,
        median(easyRag, r -> r.peakRssBytes()), median(easyRag, ChildJvm.Result::processSeconds),
        fmt(erWall / egWall) + "x Egretta's time"));
    rows.add(row("embedding only, batched (16 per call, 2 threads x 1 ONNX thread)", refBatched, Double.NaN, refChunks,
        median(batched, r -> r.peakRssBytes()), median(batched, ChildJvm.Result::processSeconds),
        "Egretta takes " + fmt(egWall / refBatched) + "x this"));
    rows.add(row("embedding only, one text per call (2 threads x 1 ONNX thread)", refPerText, Double.NaN, refChunks,
        median(perText, r -> r.peakRssBytes()), median(perText, ChildJvm.Result::processSeconds),
        "Egretta takes " + fmt(egWall / refPerText) + "x this"));
    double refProcess = Math.min(median(batched, ChildJvm.Result::processSeconds), median(perText, ChildJvm.Result::processSeconds));
    double cliWall = Stats.median(cli.stream().mapToDouble(CliIngestion.Run::seconds).toArray());
    if (!cli.isEmpty()) {
      rows.add(row("`egretta index` (bin/egretta: its JVM options and AOT caches), launch to exit", cliWall, info.pages(),
          egChunks, Stats.median(cli.stream().mapToDouble(CliIngestion.Run::peakRssBytes).toArray()), cliWall,
          fmt(cliWall / refProcess) + "x the embedding-only reference's JVM start to exit"));
    }
    report.add(new Report.Section("Ingestion of ../shared/corpus, side by side",
        String.format("%d PDFs, %d pages, %.1f MB. Wall time from the first call (model loading included) until every "
            + "chunk is stored and searchable; medians of %d repetitions. Each side ran in its own JVM (`-Xmx%s`); peak RSS "
            + "is that JVM's VmHWM. Pages/s divide the same page count for both sides; chunk counts differ because each "
            + "side chunks in its own way (Egretta: 256-token chunks on page-aware boundaries; Easy RAG: recursive "
            + "300-token segments with 30 overlap).", info.files(), info.pages(), info.bytes() / 1048576.0,
            options.repetitions(), BenchRunner.HEAP),
        List.of("system", "wall (s)", "pages/s", "chunks", "chunks/s", "peak RSS (MB)", "JVM start to exit (s)", "ratio"),
        rows,
        List.of(String.format("Easy RAG's parse step alone (FileSystemDocumentLoader with Tika): %.2f s median.",
                median(easyRag, r -> r.number("parseSeconds"))),
            String.format("Embedding-only reference: the same model file on raw ONNX Runtime embedding Egretta's %d chunk "
                + "texts, model loading included (load alone: %.2f s); the faster of its two arrangements (%.2f s) is the "
                + "physical limit used for the targets.", (int) refChunks, median(batched, r -> r.number("loadSeconds")), ref),
            cli.isEmpty() ? "`egretta index` was not measured (no bin/egretta under the working folder)."
                : String.format("`egretta index`: bin/egretta in a fresh process, as a user runs it, with the launcher's JVM "
                    + "options (C1 only and the serial collector for a folder of at most 16 MiB) and the AOT caches it trained before the first "
                    + "measured run; launch to exit, against the embedding-only reference's JVM start to exit (%.2f s), "
                    + "chunks as the library's.", refProcess),
            String.format("Egretta's non-model work alone, on one thread (its Tika extractor and its chunker with the bge "
                + "tokenizer, `ParseAndChunkReference`): parse %.2f s + chunking %.2f s = %.2f s for %d chunks. Egretta "
                + "overlaps it with embedding (2 parser threads feed a writer thread that embeds every document parsed "
                + "so far), but on 2 cores it takes CPU from the 2 embedding threads, as does the JIT compiling Tika, "
                + "PDFBox and Lucene in a fresh JVM.", median(parse, r -> r.number("parseSeconds")),
                median(parse, r -> r.number("chunkSeconds")),
                median(parse, r -> r.number("parseSeconds") + r.number("chunkSeconds")),
                (int) median(parse, r -> r.number("chunks"))))));

    double[][] eg = percentiles(egretta, "latenciesMs");
    double[][] er = percentiles(easyRag, "latenciesMs");
    double[][] bm = percentiles(egretta, "bm25KindLatenciesMs");
    List<List<String>> q = new ArrayList<>();
    q.add(List.of("Egretta hybrid (query embedding, no vector cache, + BM25 + kNN + fusion + stored fields)", fmt(median(eg[0])), fmt(median(eg[1])),
        fmt(median(eg[2])), "1.00"));
    q.add(List.of("Easy RAG `EmbeddingStoreContentRetriever` (query embedding + in-memory cosine scan)",
        fmt(median(er[0])), fmt(median(er[1])), fmt(median(er[2])), fmt(median(er[0]) / median(eg[0])) + "x Egretta's p50"));
    q.add(List.of("Egretta BM25-only (still embeds the query: ~ the query-embedding cost)", fmt(median(bm[0])),
        fmt(median(bm[1])), fmt(median(bm[2])), ""));
    report.add(new Report.Section("Query latency, side by side (top 10)",
        String.format("The same %d questions about the 12 PDFs (bench/src/main/resources/dev/egretta/bench/questions.txt), "
            + "asked one at a time on one thread after %d warm-up round(s), %d measured round(s) per repetition "
            + "(%d samples); percentiles per repetition, median over %d repetitions. Egretta filters by the question's "
            + "domain inside the search; Easy RAG's store has no scopes.", questions, warmup, rounds, questions * rounds,
            options.repetitions()),
        List.of("retriever", "p50 (ms)", "p95 (ms)", "p99 (ms)", "ratio"), q, List.of()));

    double[] egRounds = samples(oneJvm, "egrettaRoundP50sMs");
    double[] erRounds = samples(oneJvm, "easyRagRoundP50sMs");
    double[] ratios = new double[egRounds.length];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = egRounds[i] / erRounds[i];
    }
    double oneJvmRatio = median(ratios);
    raw.put("queryOneJvm", Map.of("egrettaRoundP50sMs", egRounds, "easyRagRoundP50sMs", erRounds));
    report.add(new Report.Section("Query latency, both in one JVM (top 10)",
        String.format("The same questions, both retrievers in one child JVM (`QueryOneJvm`): Egretta over the index of the "
            + "first repetition above (read-only, no query-vector cache), Easy RAG over its own ingestion of the corpus in "
            + "that JVM; %d warm-up and %d measured rounds of all %d questions, the two sides alternating which goes first. "
            + "In their own JVMs (the table above) the sides meet the shared host minutes apart; here they meet it round by "
            + "round, so the median of the rounds' ratios is the figure the target is checked on.", oneJvmWarmup, oneJvmRounds,
            questions),
        List.of("retriever", "median of the rounds' p50s (ms)", "fastest round's p50 (ms)", "slowest round's p50 (ms)", "ratio"),
        List.of(
            List.of("Egretta hybrid", fmt(median(egRounds)), fmt(Stats.min(egRounds)),
                fmt(Stats.max(egRounds)), "1.00"),
            List.of("Easy RAG `EmbeddingStoreContentRetriever`", fmt(median(erRounds)), fmt(Stats.min(erRounds)),
                fmt(Stats.max(erRounds)), "Egretta's p50 is " + fmt(oneJvmRatio) + "x Easy RAG's (median of the "
                    + "rounds' ratios, " + fmt(Stats.min(ratios)) + "-" + fmt(Stats.max(ratios)) + ")")),
        List.of()));
    report.target("retrieval p50 <= 0.9x Easy RAG's p50 (#18, one JVM)", oneJvmRatio, 0.9, true, "x",
        fmt(median(egRounds)) + " ms vs " + fmt(median(erRounds)) + " ms, median of " + egRounds.length + " rounds' ratios");

    raw.put("ingestSummary", Map.of("egrettaSeconds", egWall, "easyRagSeconds", erWall, "embeddingOnlySeconds", ref,
        "egrettaP50", median(eg[0]), "easyRagP50", median(er[0])));
    report.target("ingestion >= 1.5x Easy RAG's throughput (#8)", erWall / egWall, 1.5, false, "x",
        fmt(egWall) + " s vs " + fmt(erWall) + " s");
    report.target("ingestion <= 1.15x the embedding-only time (#8)", egWall / ref, 1.15, true, "x",
        fmt(egWall) + " s vs " + fmt(ref) + " s");
    report.target("ingestion end to end <= 1.3x the embedding-only time (#3)", egWall / ref, 1.3, true, "x",
        fmt(egWall) + " s vs " + fmt(ref) + " s");
    if (!cli.isEmpty()) {
      report.target("`egretta index`, launch to exit, <= 1.15x the embedding-only JVM's start to exit (#18)",
          cliWall / refProcess, 1.15, true, "x", fmt(cliWall) + " s vs " + fmt(refProcess) + " s");
    }
  }

  private static CliIngestion.Run cliIndex(CliIngestion launcher, Path corpus, Path index, int n) {
    try {
      return launcher.index(corpus, index, n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while bin/egretta indexed", e);
    }
  }

  private ChildJvm.Result call(String task, List<String> args) {
    try {
      return jvm.run(task, BenchRunner.HEAP, BenchRunner.minutes(20), args);
    } catch (Exception e) {
      throw new IllegalStateException(task + ": " + e.getMessage(), e);
    }
  }

  private static List<Map<String, Object>> values(List<ChildJvm.Result> results) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ChildJvm.Result r : results) {
      Map<String, Object> v = new java.util.LinkedHashMap<>(r.values());
      v.remove("latenciesMs");
      v.remove("bm25KindLatenciesMs");
      v.put("peakRssBytesParentView", r.peakRssBytes());
      v.put("processSeconds", r.processSeconds());
      out.add(v);
    }
    return out;
  }

  private static List<String> row(String name, double wall, double pages, double chunks, double rss, double process, String ratio) {
    return List.of(name, fmt(wall), Double.isNaN(pages) ? "-" : fmt(pages / wall), fmt(chunks), fmt(chunks / wall),
        mb(rss), fmt(process), ratio);
  }

  static double median(List<ChildJvm.Result> results, ToDoubleFunction<ChildJvm.Result> f) {
    return Stats.median(results.stream().mapToDouble(f).toArray());
  }

  static double median(double[] v) {
    return Stats.median(v);
  }

  /** [p50s, p95s, p99s], one value per repetition. */
  static double[][] percentiles(List<ChildJvm.Result> results, String key) {
    double[][] out = new double[3][results.size()];
    for (int i = 0; i < results.size(); i++) {
      double[] samples = samples(results.get(i), key);
      out[0][i] = Stats.percentile(samples, 50);
      out[1][i] = Stats.percentile(samples, 95);
      out[2][i] = Stats.percentile(samples, 99);
    }
    return out;
  }

  static double[] samples(ChildJvm.Result r, String key) {
    Object v = r.values().get(key);
    if (!(v instanceof List<?> list)) {
      return new double[0];
    }
    return list.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
  }
}
