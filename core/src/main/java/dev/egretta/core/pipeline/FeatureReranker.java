package dev.egretta.core.pipeline;

import dev.egretta.core.internal.Terms;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.Reranker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in reranker: a linear model over evidence the retriever already gathered, so it costs
 * no model call. Per candidate: its ranks in the BM25 and the vector list (the embedding model's
 * evidence), its position in the fused list, and how much of the question's focus its text and
 * its heading cover, each question term weighted by its rarity among the candidates
 * ({@code ln(1 + (N+1)/(df+1))}). The weights are fitted ({@link FittedRelevance}).
 */
public final class FeatureReranker implements Reranker {
  /** The features, in the order of the weights. */
  public static final List<String> FEATURES =
      List.of("lexical_rank", "vector_rank", "fused_position", "focus_coverage", "heading_coverage", "both_lists");

  /** Rank features are {@code RANK_SCALE / (RANK_SCALE + rank)}: 1 at the top, 0 when absent. */
  static final double RANK_SCALE = 10;

  private final double[] weights;

  /**
   * @param weights one per {@link #FEATURES}, finite
   */
  public FeatureReranker(double[] weights) {
    if (weights.length != FEATURES.size()) {
      throw new IllegalArgumentException("weights need " + FEATURES.size() + " values (" + FEATURES + "); got " + weights.length);
    }
    for (double w : weights) {
      if (!Double.isFinite(w)) {
        throw new IllegalArgumentException("weights must be finite; got " + w);
      }
    }
    this.weights = weights.clone();
  }

  /** The reranker with the fitted weights. */
  public static FeatureReranker fitted() {
    return new FeatureReranker(FittedRelevance.defaults().rerankWeights());
  }

  @Override
  public List<RetrievedPassage> rerank(String question, List<RetrievedPassage> candidates) {
    double[][] x = features(question, candidates);
    Integer[] order = new Integer[candidates.size()];
    double[] score = new double[order.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      score[i] = score(x[i]);
    }
    java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparingInt(i -> i));
    List<RetrievedPassage> out = new ArrayList<>(order.length);
    for (int i : order) {
      out.add(candidates.get(i));
    }
    return out;
  }

  /** The model's score of one feature vector. */
  public double score(double[] features) {
    double s = 0;
    for (int j = 0; j < weights.length; j++) {
      s += weights[j] * features[j];
    }
    return s;
  }

  /** One row of {@link #FEATURES} per candidate, in the candidates' order. */
  public static double[][] features(String question, List<RetrievedPassage> candidates) {
    Set<String> focus = Terms.contentTerms(question);
    List<Set<String>> texts = new ArrayList<>(candidates.size());
    Map<String, Integer> df = new HashMap<>();
    for (RetrievedPassage p : candidates) {
      Set<String> terms = Terms.contentTerms(p.text());
      texts.add(terms);
      for (String t : focus) {
        if (terms.contains(t)) {
          df.merge(t, 1, Integer::sum);
        }
      }
    }
    Map<String, Double> weight = new HashMap<>();
    double total = 0;
    for (String t : focus) {
      double w = Math.log(1 + (candidates.size() + 1.0) / (df.getOrDefault(t, 0) + 1.0));
      weight.put(t, w);
      total += w;
    }
    double[][] x = new double[candidates.size()][];
    for (int i = 0; i < x.length; i++) {
      RetrievedPassage p = candidates.get(i);
      Set<String> heading = Terms.contentTerms(p.heading());
      double text = 0;
      double head = 0;
      for (String t : focus) {
        text += texts.get(i).contains(t) ? weight.get(t) : 0;
        head += heading.contains(t) ? weight.get(t) : 0;
      }
      x[i] = new double[] {
          rank(p.lexicalRank()), rank(p.vectorRank()), rank(i + 1),
          total > 0 ? text / total : 0, total > 0 ? head / total : 0,
          p.lexicalRank() > 0 && p.vectorRank() > 0 ? 1 : 0};
    }
    return x;
  }

  private static double rank(int rank) {
    return rank <= 0 ? 0 : RANK_SCALE / (RANK_SCALE + rank);
  }
}
