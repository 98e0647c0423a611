package dev.egretta.eval;

import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.core.spi.SourceDocument;
import dev.egretta.lucene.DocumentOutcome;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.RetrieverKind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates retrieval on a BEIR-layout dataset through the same chunk / index / search path as
 * PDFs: each corpus entry (title + text) is one single-page document, and a document scores by
 * its best chunk. The index is kept in a directory, so a second run re-embeds nothing.
 *
 * <pre>{@code
 * try (var eval = BeirEvaluator.open(Path.of("../shared/eval/scifact"), "test", null, LuceneConfig.defaults())) {
 *   eval.index(System.err);
 *   Metrics m = eval.evaluate(RetrieverKind.HYBRID);
 * }
 * }</pre>
 */
public final class BeirEvaluator implements AutoCloseable {
  /** Chunks retrieved per query before they are collapsed to documents (enough for Recall@100). */
  static final int CHUNKS_PER_QUERY = 300;

  private final BeirDataset dataset;
  private final LuceneKnowledgeBase kb;
  private final int threads;

  private BeirEvaluator(BeirDataset dataset, LuceneKnowledgeBase kb) {
    this.dataset = dataset;
    this.kb = kb;
    this.threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Loads the dataset and opens (or creates) its index.
   *
   * @param indexDir where the index lives; null = {@link #defaultIndexDir}
   */
  public static BeirEvaluator open(Path datasetDir, String split, Path indexDir, LuceneConfig config) {
    BeirDataset dataset = BeirDataset.load(datasetDir, split);
    Path dir = indexDir != null ? indexDir : defaultIndexDir(datasetDir, config);
    // The caller's config as it is: a field-by-field copy here once dropped the BM25 clause weights.
    return new BeirEvaluator(dataset, LuceneKnowledgeBase.open(dir, config));
  }

  /** {@code <tmp>/egretta-eval/<dataset>-c<chunkTokens>-o<overlap>[-int8]}: one index per chunking. */
  public static Path defaultIndexDir(Path datasetDir, LuceneConfig config) {
    String name = datasetDir.toAbsolutePath().normalize().getFileName().toString();
    return Path.of(System.getProperty("java.io.tmpdir"), "egretta-eval",
        name + "-c" + config.chunkTokens() + "-o" + config.chunkOverlapTokens() + (config.int8Quantization() ? "-int8" : ""));
  }

  public int queryCount() {
    return dataset.queries().size();
  }

  public LuceneKnowledgeBase knowledgeBase() {
    return kb;
  }

  /** Indexes what is not indexed yet (nothing, on a complete index); progress lines go to {@code log}. */
  public IngestReport index(PrintStream log) {
    AtomicInteger done = new AtomicInteger();
    int[] total = {0};
    IngestReport report = kb.ingest(new BeirCorpusSource(dataset), IngestOptions.publicLibrary(), new IngestListener() {
      @Override
      public void started(int n) {
        total[0] = n;
      }

      @Override
      public void documentFinished(SourceDocument d, DocumentOutcome o, String detail) {
        int n = done.incrementAndGet();
        if (log != null && o != DocumentOutcome.UNCHANGED && (n % 1000 == 0 || n == total[0])) {
          log.printf("indexed %d/%d documents%n", n, total[0]);
        }
      }
    });
    if (log != null) {
      log.printf("index: %d new, %d unchanged, %d rejected (empty), %d chunks, %.1f s%n",
          report.documentsIndexed(), report.documentsUnchanged(), report.rejected().size(), report.chunks(), report.seconds());
    }
    return report;
  }

  /** Ranked document ids for one query: chunks collapsed to their document, best chunk first. */
  public List<String> rank(String query, RetrieverKind kind, int documents) {
    return rank(query, new EvalPipeline(kind, java.util.Optional.empty(), "none"), documents);
  }

  /** {@link #rank(String, RetrieverKind, int)} through a pipeline (with its reranking stage, if any). */
  public List<String> rank(String query, EvalPipeline pipeline, int documents) {
    List<RetrievedPassage> hits = pipeline.over(kb).retrieve(
        new RetrievalRequest(query, SearchScope.publicOnly(BeirCorpusSource.DOMAIN, dataset.name()), CHUNKS_PER_QUERY));
    Set<String> docs = new LinkedHashSet<>();
    for (RetrievedPassage p : hits) {
      docs.add(BeirCorpusSource.idOf(p.documentUri()));
      if (docs.size() == documents) {
        break;
      }
    }
    return new ArrayList<>(docs);
  }

  /** Runs every judged query of the split and averages the metrics. */
  public Metrics evaluate(RetrieverKind kind) {
    return evaluate(new EvalPipeline(kind, java.util.Optional.empty(), "none"));
  }

  /** {@link #evaluate(RetrieverKind)} through a pipeline; {@link EvalPipeline#defaults()} is what the engine does. */
  public Metrics evaluate(EvalPipeline pipeline) {
    return RankingMetrics.mean(dataset, query -> rank(query, pipeline, 100), threads);
  }

  /** {@link #evaluate(EvalPipeline)} on only the queries whose id {@code keep} accepts. */
  Metrics evaluate(EvalPipeline pipeline, java.util.function.Predicate<String> keep) {
    return RankingMetrics.mean(dataset.onlyQueries(keep), query -> rank(query, pipeline, 100), threads);
  }

  /** Latencies in ms of top-10 hybrid retrieval (query embedding + search + stored fields), sorted. */
  public double[] latenciesMs(int limit, int warmup) {
    return latenciesMs(limit, warmup, new EvalPipeline(RetrieverKind.HYBRID, java.util.Optional.empty(), "none"));
  }

  /** Latencies in ms of top-{@code limit} retrieval through a pipeline (reranking included), sorted. */
  public double[] latenciesMs(int limit, int warmup, EvalPipeline pipeline) {
    List<String> texts = new ArrayList<>(dataset.queries().values());
    SearchScope scope = SearchScope.publicOnly(BeirCorpusSource.DOMAIN, dataset.name());
    dev.egretta.core.spi.Retriever retriever = pipeline.over(kb);
    for (int i = 0; i < Math.min(warmup, texts.size()); i++) {
      retriever.retrieve(new RetrievalRequest(texts.get(i), scope, limit));
    }
    double[] ms = new double[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      long t = System.nanoTime();
      retriever.retrieve(new RetrievalRequest(texts.get(i), scope, limit));
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  @Override
  public void close() {
    kb.close();
  }

  /**
   * {@code BeirEvaluator --dataset DIR [--split test] [--retriever bm25|dense|hybrid] [--rerank none|builtin] [--index DIR]
   * [--json] [--latency]}; without --retriever and --rerank it evaluates the engine's default pipeline.
   */
  public static void main(String[] args) {
    EvalArgs a = EvalArgs.parseOrExit(args);
    try (BeirEvaluator eval = open(a.dataset(), a.split(), a.index(), a.config())) {
      eval.index(System.err);
      Metrics m = eval.evaluate(a.pipeline());
      System.out.println(a.json() ? m.toJson() : a.pipeline().name() + "  " + m);
      if (a.latency()) {
        // Both in the same run, alternating rounds, so that the ratio is fair on a shared machine.
        EvalPipeline bm25 = new EvalPipeline(RetrieverKind.BM25, java.util.Optional.empty(), "none");
        for (int round = 0; round < 2; round++) {
          for (EvalPipeline p : List.of(a.pipeline(), bm25)) {
            double[] ms = eval.latenciesMs(10, 50, p);
            System.out.printf("latency top-10 %s (round %d): p50 %.2f ms, p99 %.2f ms over %d queries%n", p.name(), round + 1,
                ms[ms.length / 2], ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)], ms.length);
          }
        }
      }
    }
  }
}
