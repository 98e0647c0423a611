package dev.egretta.eval;

import dev.egretta.core.pipeline.FeatureReranker;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.lucene.Fusion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one fusion setting, and optionally reranker weights, to cached {@link FitQuery} lists
 * exactly as the engine would (the retriever's {@link Fusion#fuse}, then {@link FeatureReranker}
 * over the first {@code depth} candidates), and averages the metrics per part of the data.
 *
 * @param bm25 which of the query's BM25 lists (index into the fit's (k1, b) grid); -1 = no BM25 list
 * @param fusion the fusion method
 * @param rrfK the k of reciprocal rank fusion
 * @param denseWeight the weight of the vector list; with {@code bm25 = -1} only the vector list is used,
 *     with {@code denseWeight < 0} only the BM25 list
 */
record FusionGrid(int bm25, Fusion fusion, int rrfK, double denseWeight) {

  /** The fused candidates of one query, with their ranks in both lists, best first. */
  List<RetrievedPassage> fuse(FitQuery q, Map<String, RetrievedPassage> passages) {
    List<String> lexical = bm25 < 0 ? List.of() : q.bm25().get(bm25);
    double[] lexicalScores = bm25 < 0 ? new double[0] : q.bm25Scores().get(bm25);
    List<String> dense = denseWeight < 0 ? List.of() : q.dense();
    double[] denseScores = denseWeight < 0 ? new double[0] : q.denseScores();
    Map<String, Integer> lexicalRank = ranks(lexical);
    Map<String, Integer> denseRank = ranks(dense);
    List<RetrievedPassage> out = new ArrayList<>();
    for (String id : fusion.fuse(lexical, lexicalScores, dense, denseScores, rrfK, Math.max(0, denseWeight)).keySet()) {
      out.add(passages.get(id).withRanks(lexicalRank.getOrDefault(id, 0), denseRank.getOrDefault(id, 0)));
    }
    return out;
  }

  private static Map<String, Integer> ranks(List<String> ids) {
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      rank.putIfAbsent(ids.get(i), i + 1);
    }
    return rank;
  }

  /** A query's fused list with the reranker's features of its first {@code depth} candidates. */
  record Candidates(FitQuery query, List<RetrievedPassage> fused, double[][] features) {

    static Candidates of(FitQuery q, List<RetrievedPassage> fused, int depth) {
      List<RetrievedPassage> head = fused.subList(0, Math.min(depth, fused.size()));
      return new Candidates(q, fused, FeatureReranker.features(q.text(), head));
    }

    /** The ranking after reranking the head with these weights (null = the fused order). */
    List<RetrievedPassage> ranking(double[] weights) {
      if (weights == null) {
        return fused;
      }
      FeatureReranker model = new FeatureReranker(weights);
      Integer[] order = new Integer[features.length];
      double[] score = new double[order.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
        score[i] = model.score(features[i]);
      }
      Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparingInt(i -> i));
      List<RetrievedPassage> out = new ArrayList<>(fused.size());
      for (int i : order) {
        out.add(fused.get(i));
      }
      out.addAll(fused.subList(order.length, fused.size()));
      return out;
    }
  }

  /** Mean {@code [ndcg@10, recall@10, recall@100, mrr@10]} per part of the data, in first-seen order of the parts. */
  static Map<String, double[]> means(List<Candidates> queries, double[] weights) {
    Map<String, double[]> sums = new java.util.LinkedHashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (Candidates c : queries) {
      double[] m = c.query().metrics(c.ranking(weights));
      double[] s = sums.computeIfAbsent(c.query().set(), k -> new double[4]);
      for (int j = 0; j < 4; j++) {
        s[j] += m[j];
      }
      counts.merge(c.query().set(), 1, Integer::sum);
    }
    sums.forEach((set, s) -> {
      for (int j = 0; j < 4; j++) {
        s[j] /= counts.get(set);
      }
    });
    return sums;
  }
}
