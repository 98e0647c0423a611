package dev.egretta.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egretta.core.pipeline.FeatureReranker;
import dev.egretta.core.pipeline.FittedRelevance;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.ExplainedPassage;
import dev.egretta.lucene.Fusion;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.RetrieverKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

/**
 * Fits the relevance settings and writes core's {@code relevance.json}: BM25's k1, b and proximity weight and the
 * fusion by grid search, then the {@link FeatureReranker} weights by coordinate ascent, each
 * maximising the mean nDCG@10 of SciFact's train queries and four fifths of ObliQA dev (by a hash of
 * the query id). The other fifth of ObliQA and SciFact test are only reported on, and so are the
 * answerable PDF questions of {@code eval/pdf-qa/dev.jsonl} over an index of {@code ../shared/corpus},
 * judged by page: the corpus the engine is for, which the objective does not see. Reads the
 * evaluator's cached indexes ({@code BeirEvaluator} builds them; {@code AnswerabilityFit} the PDF one), read-only.
 *
 * <pre>eval/bin/run RelevanceFit [--scifact ../shared/eval/scifact] [--obliqa ../shared/eval/obliqa]
 *     [--pdf-questions eval/pdf-qa/dev.jsonl] [--pdf-index $TMPDIR/egretta-eval/pdf-corpus] [--depth 40] [--adopt-fusion] [--out FILE]</pre>
 *
 * <p>The fitted fusion is written as {@code fitted_fusion}; it replaces the default {@code fusion} only with
 * {@code --adopt-fusion} (the answerability judge must be refitted on the new order first).
 */
public final class RelevanceFit {
  static final String RESOURCE = "core/src/main/resources/dev/egretta/core/pipeline/relevance.json";
  // A small grid: every (k1, b) costs one more search per query, and 2 shared cores bound the fit.
  static final double[] K1 = {0.9, 1.2};
  static final double[] B = {0.4, 0.7};
  /** Weights of BM25's proximity clauses ({@code LuceneConfig.bm25Proximity}); 0 = bag of words. */
  static final double[] PROXIMITY = {0, 0.1, 0.2, 0.3, 0.5};
  /**
   * How near the two terms of a proximity clause must stand ({@code LuceneConfig.bm25ProximitySlop}). Only 2:
   * with {2, 4, 8} the fit chose 4 for an objective 0.0003 higher (0.7286 → 0.7289), while the engine's
   * answers to the PDF questions lost keyword recall (dev 0.8955 → 0.8785; README, "Tried ... and not kept").
   */
  static final int[] PROXIMITY_SLOP = {2};
  /** ObliQA questions fitted on at most (the first by id hash); the whole held-out fifth is reported. */
  static final int MAX_FIT_QUESTIONS = 800;
  static final int MAX_HELDOUT_QUESTIONS = 400;
  static final int[] RRF_K = {10, 30, 60};
  static final double[] WEIGHTS = {0.3, 0.4, 0.5, 0.6, 0.7};
  static final double[] CONVEX_WEIGHTS = {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
  static final List<String> FIT_SETS = List.of("scifact-train", "obliqa-fit");

  private RelevanceFit() {}

  /** The held-out fifth of ObliQA: a fixed function of the query id. */
  static boolean heldOut(String queryId) {
    return Integer.toUnsignedLong(queryId.hashCode() * 0x9E3779B1) % 5 == 0;
  }

  public static void main(String[] args) throws IOException {
    Path scifact = Path.of("../shared/eval/scifact");
    Path obliqa = Path.of("../shared/eval/obliqa");
    Path out = Path.of(RESOURCE);
    Path pdfQuestions = Path.of("eval/pdf-qa/dev.jsonl");
    Path pdfIndex = Path.of(System.getProperty("java.io.tmpdir"), "egretta-eval", "pdf-corpus");
    int depth = 40;
    boolean adopt = false;
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--scifact" -> scifact = Path.of(require(v, args[i++]));
        case "--obliqa" -> obliqa = Path.of(require(v, args[i++]));
        case "--out" -> out = Path.of(require(v, args[i++]));
        case "--pdf-questions" -> pdfQuestions = Path.of(require(v, args[i++]));
        case "--pdf-index" -> pdfIndex = Path.of(require(v, args[i++]));
        case "--depth" -> depth = Integer.parseInt(require(v, args[i++]));
        case "--adopt-fusion" -> adopt = true;
        default -> {
          System.err.println("unknown option " + args[i] + "; usage: RelevanceFit [--scifact DIR] [--obliqa DIR] [--pdf-questions FILE] [--pdf-index DIR] [--depth 40] [--adopt-fusion] [--out FILE]");
          System.exit(2);
        }
      }
    }
    // SciFact test is not searched here: BeirEvaluator measures it with the fitted defaults.
    List<Part> parts = new ArrayList<>(List.of(new Part("scifact-train", scifact, "train", null)));
    if (!obliqa.toString().equals("none")) { // "none": a quick SciFact-only run, never written as the defaults
      parts.addAll(List.of(new Part("obliqa-fit", obliqa, "dev", false), new Part("obliqa-heldout", obliqa, "dev", true)));
    }
    List<double[]> bm25Grid = new ArrayList<>();
    for (double k1 : K1) {
      for (double b : B) {
        for (double p : PROXIMITY) {
          for (int slop : p == 0 ? new int[] {FittedRelevance.DEFAULT_PROXIMITY_SLOP} : PROXIMITY_SLOP) {
            bm25Grid.add(new double[] {k1, b, p, slop});
          }
        }
      }
    }
    Map<String, RetrievedPassage> passages = new ConcurrentHashMap<>();
    List<FitQuery> queries = new ArrayList<>(search(parts, bm25Grid, passages));
    if (Files.isRegularFile(pdfQuestions) && Files.isDirectory(pdfIndex)) {
      queries.addAll(searchPdf(pdfQuestions, pdfIndex, bm25Grid, passages));
    } else {
      System.err.println("no PDF questions reported on: " + pdfQuestions + " or its index " + pdfIndex
          + " is missing (AnswerabilityFit --rebuild builds the index)");
    }
    System.err.printf("%d queries searched%n", queries.size());
    FusionGrid best = null;
    double bestObjective = -1;
    // What the PDF questions make of each setting is shown beside the objective, never part of it.
    List<FitQuery> shown = queries.stream().filter(q -> FIT_SETS.contains(q.set()) || q.set().equals(FitQuery.PDF_SET)).toList();
    for (int c = 0; c < bm25Grid.size(); c++) {
      System.err.printf(Locale.ROOT, "bm25 k1=%.1f b=%.2f proximity=%.1f slop=%.0f: %s%n", bm25Grid.get(c)[0], bm25Grid.get(c)[1],
          bm25Grid.get(c)[2], bm25Grid.get(c)[3], show(means(shown, new FusionGrid(c, Fusion.CONVEX, 60, -1), passages)));
      for (FusionGrid g : grid(c)) {
        Map<String, double[]> m = means(shown, g, passages);
        double objective = objective(m);
        if (objective > bestObjective) {
          best = g;
          bestObjective = objective;
          System.err.printf(Locale.ROOT, "  best so far %s: %.4f (%s)%n", g, objective, show(m));
        }
      }
    }
    FusionGrid fusion = best;
    int d = depth;
    List<FusionGrid.Candidates> cands = pool().submit(() -> queries.parallelStream()
        .map(q -> FusionGrid.Candidates.of(q, fusion.fuse(q, passages), d)).toList()).join();
    double[] start = new double[FeatureReranker.FEATURES.size()];
    start[2] = 1; // the fused order
    double[] weights = RerankerFit.coordinateAscent(cands, start, FIT_SETS);
    Map<String, double[]> fused = FusionGrid.means(cands, null);
    Map<String, double[]> reranked = FusionGrid.means(cands, weights);
    int previous = bm25Grid.indexOf(bm25Grid.stream().filter(x -> x[0] == 0.9 && x[1] == 0.4 && x[2] == 0).findFirst().orElseThrow());
    Map<String, Map<String, double[]>> report = new java.util.LinkedHashMap<>();
    report.put("bm25 (k1 0.9, b 0.4, no proximity)", means(queries, new FusionGrid(previous, Fusion.CONVEX, 60, -1), passages));
    report.put("bm25 fitted", means(queries, new FusionGrid(fusion.bm25(), Fusion.CONVEX, 60, -1), passages));
    report.put("dense", means(queries, new FusionGrid(-1, Fusion.CONVEX, 60, 1), passages));
    report.put("hybrid rrf 60 (previous)", means(queries, new FusionGrid(previous, Fusion.RRF, 60, 0.5), passages));
    report.put("hybrid fitted", fused);
    report.put("hybrid fitted + rerank", reranked);
    report.forEach((k, v) -> System.err.println(k + ": " + show(v)));
    boolean rerankPays = objective(reranked) > objective(fused) + 0.005;
    System.err.printf(Locale.ROOT, "fusion %s (k1 %.1f, b %.2f, proximity %.1f, slop %.0f); weights %s, rerank by default: %s%n", fusion,
        bm25Grid.get(fusion.bm25())[0], bm25Grid.get(fusion.bm25())[1], bm25Grid.get(fusion.bm25())[2], bm25Grid.get(fusion.bm25())[3],
        java.util.Arrays.toString(weights), rerankPays);
    write(out, bm25Grid.get(fusion.bm25()), fusion, adopt, depth, weights, rerankPays, report, scifact, obliqa);
    System.out.println("wrote " + out);
  }

  private record Part(String set, Path dir, String split, Boolean heldout) {}

  static List<FusionGrid> grid(int bm25) {
    List<FusionGrid> out = new ArrayList<>();
    for (int k : RRF_K) {
      for (double w : WEIGHTS) {
        out.add(new FusionGrid(bm25, Fusion.RRF, k, w));
      }
    }
    for (double w : CONVEX_WEIGHTS) {
      out.add(new FusionGrid(bm25, Fusion.CONVEX, 60, w));
    }
    return out;
  }

  /** The mean nDCG@10 over the fitted parts. */
  static double objective(Map<String, double[]> m) {
    return FIT_SETS.stream().filter(m::containsKey).mapToDouble(s -> m.get(s)[0]).average().orElseThrow();
  }

  /**
   * Every query's vector list and its BM25 list per (k1, b), one query at a time so its vector is
   * embedded once; each part is cached ({@link FitCache}).
   */
  private static List<FitQuery> search(List<Part> parts, List<double[]> bm25Grid, Map<String, RetrievedPassage> passages) {
    List<FitQuery> out = new ArrayList<>();
    LuceneConfig dense = LuceneConfig.builder().fusion(Fusion.CONVEX).build();
    List<LuceneConfig> bm25 = bm25Configs(bm25Grid);
    String grid = bm25Grid.stream().map(java.util.Arrays::toString).toList().toString();
    for (Part part : parts) {
      String key = part + " " + grid + " max " + MAX_FIT_QUESTIONS + "/" + MAX_HELDOUT_QUESTIONS;
      FitCache cached = FitCache.read(part.set, key);
      if (cached != null) {
        System.err.printf("%s: %d queries from %s%n", part.set, cached.queries().size(), FitCache.file(part.set));
        cached.passages().forEach(passages::putIfAbsent);
        out.addAll(cached.queries());
        continue;
      }
      BeirDataset ds = BeirDataset.load(part.dir, part.split);
      Map<String, RetrievedPassage> own = new ConcurrentHashMap<>();
      try (LuceneKnowledgeBase kb = open(part.dir, dense)) {
        SearchScope scope = SearchScope.publicOnly(BeirCorpusSource.DOMAIN, ds.name());
        List<Map.Entry<String, String>> qs = ds.queries().entrySet().stream()
            .filter(e -> ds.qrels().containsKey(e.getKey()))
            .filter(e -> part.heldout == null || heldOut(e.getKey()) == part.heldout)
            .sorted(java.util.Comparator.comparingInt(e -> e.getKey().hashCode() * 0x9E3779B1))
            .limit(part.heldout == null ? Long.MAX_VALUE : part.heldout ? MAX_HELDOUT_QUESTIONS : MAX_FIT_QUESTIONS).toList();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        List<FitQuery> searched = pool().submit(() -> qs.parallelStream().map(e -> {
          FitQuery q = searched(kb, part.set, new RetrievalRequest(e.getValue(), scope, 100), ds.qrels().get(e.getKey()), dense, bm25, own);
          if (done.incrementAndGet() % 200 == 0) {
            System.err.printf("%s: %d/%d queries%n", part.set, done.get(), qs.size());
          }
          return q;
        }).toList()).join();
        new FitCache(key, searched, own).write(part.set);
        own.forEach(passages::putIfAbsent);
        out.addAll(searched);
      }
    }
    return out;
  }

  /**
   * The answerable PDF questions' lists over the corpus index, judged by the pages that answer them
   * ({@link FitQuery#PDF_SET}); cached like the other parts.
   */
  private static List<FitQuery> searchPdf(Path questions, Path index, List<double[]> bm25Grid, Map<String, RetrievedPassage> passages) {
    String key = "pdf " + questions.toAbsolutePath().normalize() + " " + bm25Grid.stream().map(java.util.Arrays::toString).toList();
    FitCache cached = FitCache.read(FitQuery.PDF_SET, key);
    if (cached != null) {
      cached.passages().forEach(passages::putIfAbsent);
      return cached.queries();
    }
    LuceneConfig dense = LuceneConfig.builder().fusion(Fusion.CONVEX).build();
    List<LuceneConfig> bm25 = bm25Configs(bm25Grid);
    Map<String, RetrievedPassage> own = new ConcurrentHashMap<>();
    List<FitQuery> out = new ArrayList<>();
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.openReadOnly(index, dense)) {
      for (var q : dev.egretta.eval.answers.AnswerQuestions.read(questions)) {
        if (!q.answerable()) {
          continue;
        }
        Map<String, Integer> qrels = new java.util.HashMap<>();
        q.pages().forEach(page -> qrels.put(FitQuery.pageKey(q.file(), page), 1));
        RetrievalRequest request = new RetrievalRequest(q.question(), SearchScope.publicOnly(q.domain(), q.category()), 100);
        out.add(searched(kb, FitQuery.PDF_SET, request, qrels, dense, bm25, own));
      }
    }
    new FitCache(key, out, own).write(FitQuery.PDF_SET);
    own.forEach(passages::putIfAbsent);
    System.err.printf("%s: %d questions searched%n", FitQuery.PDF_SET, out.size());
    return out;
  }

  /** One question's vector list and one BM25 list per grid setting. */
  private static FitQuery searched(LuceneKnowledgeBase kb, String set, RetrievalRequest request, Map<String, Integer> qrels,
      LuceneConfig dense, List<LuceneConfig> bm25, Map<String, RetrievedPassage> own) {
    List<ExplainedPassage> v = kb.explain(request, RetrieverKind.DENSE, dense);
    List<List<String>> lists = new ArrayList<>();
    List<double[]> scores = new ArrayList<>();
    for (LuceneConfig c : bm25) {
      List<ExplainedPassage> hits = kb.explain(request, RetrieverKind.BM25, c);
      lists.add(ids(hits, own));
      scores.add(scores(hits));
    }
    return new FitQuery(set, request.text(), qrels, ids(v, own), scores(v), lists, scores);
  }

  private static List<LuceneConfig> bm25Configs(List<double[]> bm25Grid) {
    return bm25Grid.stream().map(x -> LuceneConfig.builder().fusion(Fusion.CONVEX).bm25(x[0], x[1]).bm25Proximity(x[2])
        .bm25ProximitySlop((int) x[3]).build()).toList();
  }

  /** The hits' chunk ids, each passage kept once in {@code passages} (its canonical id instance returned). */
  private static List<String> ids(List<ExplainedPassage> hits, Map<String, RetrievedPassage> passages) {
    List<String> ids = new ArrayList<>(hits.size());
    for (ExplainedPassage h : hits) {
      RetrievedPassage p = h.passage();
      ids.add(passages.computeIfAbsent(p.chunkId(), k -> p.withRanks(0, 0)).chunkId());
    }
    return ids;
  }

  private static LuceneKnowledgeBase open(Path dataset, LuceneConfig config) {
    Path index = BeirEvaluator.defaultIndexDir(dataset, config);
    if (!Files.isDirectory(index)) {
      throw new IllegalArgumentException("no index at " + index + ": build it first with BeirEvaluator --dataset " + dataset);
    }
    return LuceneKnowledgeBase.openReadOnly(index, config);
  }

  /** Under convex fusion a single list's fused score is its min-max normalised score. */
  private static double[] scores(List<ExplainedPassage> hits) {
    return hits.stream().mapToDouble(ExplainedPassage::fused).toArray();
  }

  static Map<String, double[]> means(List<FitQuery> queries, FusionGrid g, Map<String, RetrievedPassage> passages) {
    List<FusionGrid.Candidates> c = pool().submit(() -> queries.parallelStream()
        .map(q -> new FusionGrid.Candidates(q, g.fuse(q, passages), new double[0][])).toList()).join();
    return FusionGrid.means(c, null);
  }

  static String show(Map<String, double[]> m) {
    StringBuilder b = new StringBuilder();
    m.forEach((set, v) -> b.append(String.format(Locale.ROOT, "%s nDCG@10 %.4f R@10 %.4f R@100 %.4f; ", set, v[0], v[1], v[2])));
    return b.toString();
  }

  private static ForkJoinPool pool() {
    return Holder.POOL;
  }

  private static final class Holder {
    static final ForkJoinPool POOL = new ForkJoinPool(2);
  }

  private static String require(String value, String option) {
    if (value == null) {
      System.err.println(option + " needs a value");
      System.exit(2);
    }
    return value;
  }

  private static void write(Path out, double[] bm25, FusionGrid f, boolean adoptFusion, int depth, double[] weights, boolean rerank,
      Map<String, Map<String, double[]>> report, Path scifact, Path obliqa) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("about", "Relevance settings: BM25 k1/b and the weight and slop of its proximity clauses (LuceneConfig.bm25Proximity, bm25ProximitySlop), and the fusion of the BM25 and vector lists (retrievers' defaults, LuceneConfig),"
        + " and the reranking stage (FeatureReranker weights, one per FeatureReranker.FEATURES " + FeatureReranker.FEATURES
        + "; whether engines rerank by default; how many candidates). Read by dev.egretta.core.pipeline.FittedRelevance.");
    root.put("command", "eval/bin/run RelevanceFit" + (adoptFusion ? " --adopt-fusion" : "")
        + " (from the repository root; the SciFact and ObliQA indexes of BeirEvaluator must exist)");
    root.put("data", "fitted on " + scifact + " qrels/train.tsv and " + MAX_FIT_QUESTIONS + " questions of four fifths of " + obliqa + " qrels/dev.tsv (query id hash, "
        + "RelevanceFit.heldOut); " + MAX_HELDOUT_QUESTIONS + " questions of the other fifth are reported on only (SciFact test is not used here), and so are "
        + "the answerable questions of eval/pdf-qa/dev.jsonl over an index of ../shared/corpus (" + FitQuery.PDF_SET + ", judged by page). "
        + "Objective: mean nDCG@10 of the two fitted parts. "
        + "Grid: k1 " + java.util.Arrays.toString(K1) + ", b " + java.util.Arrays.toString(B) + ", proximity " + java.util.Arrays.toString(PROXIMITY) + " x slop " + java.util.Arrays.toString(PROXIMITY_SLOP) + "; RRF k " + java.util.Arrays.toString(RRF_K)
        + " x dense weight " + java.util.Arrays.toString(WEIGHTS) + "; convex dense weight " + java.util.Arrays.toString(CONVEX_WEIGHTS)
        + "; reranker weights by coordinate ascent from the fused order; reranking is on by default when it raises the objective by more than 0.005.");
    root.put("fitted", LocalDate.now().toString());
    root.putObject("bm25").put("k1", bm25[0]).put("b", bm25[1]).put("proximity", bm25[2]).put("proximity_slop", (int) bm25[3]);
    // The fitted fusion becomes the default only with --adopt-fusion: the answerability judge was fitted on
    // the lists of the current default, and a new order changes what it sees (see core/README.md#reranking).
    ObjectNode fitted = json.createObjectNode().put("method", f.fusion().name().toLowerCase(Locale.ROOT)).put("rrf_k", f.rrfK())
        .put("dense_weight", f.denseWeight());
    if (adoptFusion) {
      root.set("fusion", fitted);
    } else {
      dev.egretta.core.pipeline.FittedRelevance now = dev.egretta.core.pipeline.FittedRelevance.defaults();
      root.putObject("fusion").put("method", now.fusion()).put("rrf_k", now.rrfK()).put("dense_weight", now.denseWeight());
      root.set("fitted_fusion", fitted);
    }
    ObjectNode r = root.putObject("rerank").put("default", rerank).put("depth", depth);
    var w = r.putArray("weights");
    for (double x : weights) {
      w.add(Math.round(x * 1e4) / 1e4);
    }
    ObjectNode measured = root.putObject("measured");
    report.forEach((name, sets) -> {
      ObjectNode p = measured.putObject(name);
      sets.forEach((set, v) -> p.putObject(set).put("ndcg@10", round(v[0])).put("recall@10", round(v[1]))
          .put("recall@100", round(v[2])));
    });
    try {
      Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
