package dev.egretta.lucene;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the BM25 and vector result lists are combined into one ranking. Any backend can use
 * {@link #fuse}: it needs only the two lists, best first, with their raw scores.
 */
public enum Fusion {
  /**
   * Weighted reciprocal rank fusion: {@code 2(1 - w) / (k + rank_bm25) + 2w / (k + rank_dense)};
   * with {@code w = 0.5} this is plain RRF.
   */
  RRF,
  /** Convex combination of min-max normalised scores: {@code w * dense + (1 - w) * bm25}. */
  CONVEX;

  /** Parses {@code rrf} or {@code convex} (any case). */
  public static Fusion parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("fusion must be one of rrf, convex; got: " + name);
    }
  }

  /**
   * Fuses two ranked lists into one, best first, with keys compared in their natural order to break
   * exact ties (see {@link #fuse(List, double[], List, double[], int, double, Comparator)}).
   */
  public <K extends Comparable<? super K>> LinkedHashMap<K, Double> fuse(List<K> lexical, double[] lexicalScores,
      List<K> dense, double[] denseScores, int rrfK, double denseWeight) {
    return fuse(lexical, lexicalScores, dense, denseScores, rrfK, denseWeight, Comparator.naturalOrder());
  }

  /**
   * Fuses two ranked lists into one, best first. A list used alone (the other empty) keeps its own order.
   *
   * <p>The tie rule, the same for every backend so that an Elasticsearch cluster and the Lucene index
   * rank alike: keys with equal raw scores in one list share that list's rank (the best of them), so the
   * fused order does not depend on how an engine orders its own ties; then keys are ordered by fused
   * score (higher first), then by their best rank in either list (lower first), then by their rank in the
   * BM25 list (lower first, absent last: on a tie the lexical evidence wins), then by {@code keyOrder}
   * (the chunk id, in both backends).
   *
   * @param lexical keys of the BM25 list, best first
   * @param lexicalScores their raw scores (same length)
   * @param dense keys of the vector list, best first
   * @param denseScores their raw scores (same length)
   * @param rrfK the k of reciprocal rank fusion, &gt;= 1
   * @param denseWeight the weight w of the vector list, in [0, 1]
   * @param keyOrder the last tie-breaker: the order of the keys' chunk ids
   * @return the fused score of every key, in fused order
   */
  public <K> LinkedHashMap<K, Double> fuse(List<K> lexical, double[] lexicalScores, List<K> dense, double[] denseScores,
      int rrfK, double denseWeight, Comparator<? super K> keyOrder) {
    if (lexical.size() != lexicalScores.length || dense.size() != denseScores.length) {
      throw new IllegalArgumentException("each list needs one score per key; got " + lexical.size() + "/"
          + lexicalScores.length + " and " + dense.size() + "/" + denseScores.length);
    }
    if (rrfK < 1) {
      throw new IllegalArgumentException("rrfK must be >= 1; got " + rrfK);
    }
    if (!(denseWeight >= 0 && denseWeight <= 1)) {
      throw new IllegalArgumentException("denseWeight must be in [0, 1]; got " + denseWeight);
    }
    boolean alone = lexical.isEmpty() || dense.isEmpty();
    double wl = alone ? 1 : 1 - denseWeight;
    double wd = alone ? 1 : denseWeight;
    Map<K, Candidate<K>> byKey = new HashMap<>();
    add(byKey, lexical, lexicalScores, wl, rrfK, true);
    add(byKey, dense, denseScores, wd, rrfK, false);
    // One record per key, compared by its fields: the sort runs on every search.
    List<Candidate<K>> ranked = new ArrayList<>(byKey.values());
    ranked.sort(Comparator.<Candidate<K>>comparingDouble(c -> -c.fused).thenComparingInt(c -> c.bestRank)
        .thenComparingInt(c -> c.lexicalRank).thenComparing(c -> c.key, keyOrder));
    LinkedHashMap<K, Double> out = new LinkedHashMap<>();
    for (Candidate<K> c : ranked) {
      out.put(c.key, c.fused);
    }
    return out;
  }

  /** A key's fused score so far, its best rank in either list and its rank in the BM25 list. */
  private static final class Candidate<K> {
    final K key;
    double fused;
    int bestRank = Integer.MAX_VALUE;
    int lexicalRank = Integer.MAX_VALUE;

    Candidate(K key) {
      this.key = key;
    }
  }

  private <K> void add(Map<K, Candidate<K>> byKey, List<K> keys, double[] scores, double weight, int rrfK,
      boolean lexical) {
    if (keys.isEmpty()) {
      return;
    }
    double max = scores[0];
    double min = scores[scores.length - 1];
    int rank = 0;
    for (int r = 0; r < keys.size(); r++) {
      if (r == 0 || scores[r] != scores[r - 1]) {
        rank = r + 1; // equal raw scores share the rank of the first of them
      }
      double s = this == RRF ? 2 * weight / (rrfK + rank)
          : weight * (max > min ? (scores[r] - min) / (max - min) : 1.0);
      Candidate<K> c = byKey.computeIfAbsent(keys.get(r), Candidate::new);
      c.fused += s;
      c.bestRank = Math.min(c.bestRank, rank);
      if (lexical) {
        c.lexicalRank = Math.min(c.lexicalRank, rank);
      }
    }
  }
}
