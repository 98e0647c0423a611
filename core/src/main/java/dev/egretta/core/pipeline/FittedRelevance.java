package dev.egretta.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;

/**
 * The relevance settings fitted on training data, read from the single resource {@value #RESOURCE}
 * (which also records the command and the data they came from): BM25's k1 and b and the fusion of
 * the BM25 and vector lists, which retrievers take as their defaults, and whether the engine reranks
 * by default, over how many candidates, with the built-in reranker's weights.
 *
 * @param bm25K1 BM25 term-frequency saturation, in (0, 10]
 * @param bm25B BM25 length normalisation, in [0, 1]
 * @param bm25Proximity the weight, in [0, 10], of the BM25 clauses for each two adjacent terms of the question
 *     found near each other (0 = bag of words; missing in the file = 0)
 * @param bm25ProximitySlop how near, in positions ({@code PhraseQuery}'s slop: the words between them, a swap
 *     costing 2), 0..16 (missing in the file = 2, the value before it was fitted)
 * @param fusion {@code rrf} or {@code convex}
 * @param rrfK the k of reciprocal rank fusion, 1..1000
 * @param denseWeight the weight of the vector list in the fusion, in [0, 1]
 * @param rerankByDefault whether an engine with a text embedder reranks with the built-in reranker by default
 * @param rerankDepth how many fused candidates are reranked, 1..200
 * @param rerankWeights the built-in reranker's weights, one per {@link FeatureReranker#FEATURES}
 */
public record FittedRelevance(double bm25K1, double bm25B, double bm25Proximity, int bm25ProximitySlop, String fusion, int rrfK,
    double denseWeight, boolean rerankByDefault, int rerankDepth, double[] rerankWeights) {

  /** The proximity clauses' slop where the file does not give one. */
  public static final int DEFAULT_PROXIMITY_SLOP = 2;
  /** The largest proximity slop: beyond it two words are in the same passage rather than near each other. */
  public static final int MAX_PROXIMITY_SLOP = 16;

  /** The classpath resource with the fitted values. */
  public static final String RESOURCE = "/dev/egretta/core/pipeline/relevance.json";

  public FittedRelevance {
    if (!(bm25K1 > 0 && bm25K1 <= 10)) {
      throw new IllegalArgumentException("bm25 k1 must be in (0, 10]; got " + bm25K1);
    }
    if (!(bm25B >= 0 && bm25B <= 1)) {
      throw new IllegalArgumentException("bm25 b must be in [0, 1]; got " + bm25B);
    }
    if (!(bm25Proximity >= 0 && bm25Proximity <= 10)) {
      throw new IllegalArgumentException("bm25 proximity must be in [0, 10]; got " + bm25Proximity);
    }
    if (bm25ProximitySlop < 0 || bm25ProximitySlop > MAX_PROXIMITY_SLOP) {
      throw new IllegalArgumentException("bm25 proximity_slop must be in 0.." + MAX_PROXIMITY_SLOP + "; got " + bm25ProximitySlop);
    }
    fusion = Objects.requireNonNull(fusion, "fusion").toLowerCase(Locale.ROOT);
    if (!fusion.equals("rrf") && !fusion.equals("convex")) {
      throw new IllegalArgumentException("fusion must be rrf or convex; got " + fusion);
    }
    if (rrfK < 1 || rrfK > 1000) {
      throw new IllegalArgumentException("rrf_k must be in 1..1000; got " + rrfK);
    }
    if (!(denseWeight >= 0 && denseWeight <= 1)) {
      throw new IllegalArgumentException("dense_weight must be in [0, 1]; got " + denseWeight);
    }
    if (rerankDepth < 1 || rerankDepth > 200) {
      throw new IllegalArgumentException("rerank depth must be in 1..200; got " + rerankDepth);
    }
    if (rerankWeights.length != FeatureReranker.FEATURES.size()) {
      throw new IllegalArgumentException("rerank weights need " + FeatureReranker.FEATURES.size() + " values ("
          + FeatureReranker.FEATURES + "); got " + rerankWeights.length);
    }
    for (double w : rerankWeights) {
      if (!Double.isFinite(w)) {
        throw new IllegalArgumentException("rerank weights must be finite; got " + w);
      }
    }
    rerankWeights = rerankWeights.clone();
  }

  @Override
  public double[] rerankWeights() {
    return rerankWeights.clone();
  }

  /** The fitted values ({@value #RESOURCE}), read once. */
  public static FittedRelevance defaults() {
    return Holder.DEFAULTS;
  }

  /** Reads values in the format of {@value #RESOURCE}. */
  public static FittedRelevance read(InputStream json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Objects.requireNonNull(json, "json"));
    JsonNode bm25 = required(root, "bm25");
    JsonNode fusion = required(root, "fusion");
    JsonNode rerank = required(root, "rerank");
    JsonNode w = required(rerank, "weights");
    double[] weights = new double[w.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = w.get(i).asDouble(Double.NaN);
    }
    double proximity = bm25.has("proximity") ? number(bm25, "proximity") : 0;
    int slop = bm25.has("proximity_slop") ? (int) number(bm25, "proximity_slop") : DEFAULT_PROXIMITY_SLOP;
    return new FittedRelevance(number(bm25, "k1"), number(bm25, "b"), proximity, slop, required(fusion, "method").asText(),
        (int) number(fusion, "rrf_k"), number(fusion, "dense_weight"), required(rerank, "default").asBoolean(),
        (int) number(rerank, "depth"), weights);
  }

  private static double number(JsonNode node, String field) {
    JsonNode n = required(node, field);
    if (!n.isNumber()) {
      throw new IllegalArgumentException("'" + field + "' must be a number; got " + n);
    }
    return n.asDouble();
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode n = node.get(field);
    if (n == null || n.isNull()) {
      throw new IllegalArgumentException("the relevance settings lack the field '" + field + "'");
    }
    return n;
  }

  private static final class Holder {
    static final FittedRelevance DEFAULTS = load();

    private static FittedRelevance load() {
      try (InputStream in = FittedRelevance.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the resource " + RESOURCE + " is missing from the classpath");
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }
}
