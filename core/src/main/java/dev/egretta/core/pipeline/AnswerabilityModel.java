package dev.egretta.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A logistic regression over {@link AnswerabilityFeatures}: {@code P(answerable) = σ(bias + Σ
 * weight_i · (x_i − mean_i) / scale_i)}; the question counts as answerable when that reaches
 * {@code threshold}. The default coefficients are the resource {@value #RESOURCE}, which also
 * records the command and the data that produced them.
 *
 * @param features the names of the features the model uses, distinct, each one of {@link AnswerabilityFeatures#NAMES}
 *     (a fit may keep few of them)
 * @param mean per feature, subtracted before scaling
 * @param scale per feature, positive
 * @param weights per feature
 * @param bias the intercept
 * @param threshold the answerable probability at or above which the context is sufficient, in (0, 1)
 */
public record AnswerabilityModel(List<String> features, double[] mean, double[] scale, double[] weights, double bias,
    double threshold) {

  /** The classpath resource with the default coefficients. */
  public static final String RESOURCE = "/dev/egretta/core/pipeline/answerability.json";

  public AnswerabilityModel {
    features = List.copyOf(features);
    if (features.isEmpty() || !AnswerabilityFeatures.NAMES.containsAll(features)
        || new java.util.HashSet<>(features).size() != features.size()) {
      throw new IllegalArgumentException("answerability features must be distinct names among " + AnswerabilityFeatures.NAMES
          + "; got " + features);
    }
    int n = features.size();
    if (mean.length != n || scale.length != n || weights.length != n) {
      throw new IllegalArgumentException("mean, scale and weights need " + n + " values each; got " + mean.length + ", "
          + scale.length + ", " + weights.length);
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(mean[i]) || !Double.isFinite(weights[i]) || !(scale[i] > 0) || !Double.isFinite(scale[i])) {
        throw new IllegalArgumentException("coefficients of feature " + features.get(i) + " are invalid: mean " + mean[i]
            + ", scale " + scale[i] + ", weight " + weights[i]);
      }
    }
    if (!Double.isFinite(bias)) {
      throw new IllegalArgumentException("bias must be finite; got " + bias);
    }
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1); got " + threshold);
    }
    mean = mean.clone();
    scale = scale.clone();
    weights = weights.clone();
  }

  /**
   * The same coefficients with another operating point: a lower threshold refuses fewer answerable
   * questions and lets more unanswerable ones through (the default's trade-off: core/README.md#answerability).
   */
  public AnswerabilityModel withThreshold(double threshold) {
    return new AnswerabilityModel(features, mean, scale, weights, bias, threshold);
  }

  /** The fitted default coefficients ({@value #RESOURCE}). */
  public static AnswerabilityModel defaults() {
    try (InputStream in = AnswerabilityModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + RESOURCE + " is missing from the classpath");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads coefficients in the format of {@value #RESOURCE}. */
  public static AnswerabilityModel read(InputStream json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Objects.requireNonNull(json, "json"));
    List<String> names = new ArrayList<>();
    required(root, "features").forEach(f -> names.add(f.asText()));
    return new AnswerabilityModel(names, doubles(root, "mean"), doubles(root, "scale"), doubles(root, "weights"),
        required(root, "bias").asDouble(Double.NaN), required(root, "threshold").asDouble(Double.NaN));
  }

  /** The probability that the question is answerable from the evidence described by {@code f}. */
  public double probability(AnswerabilityFeatures f) {
    double z = bias;
    for (int i = 0; i < features.size(); i++) {
      z += weights[i] * (f.get(features.get(i)) - mean[i]) / scale[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** Whether the evidence suffices to answer. */
  public boolean answerable(AnswerabilityFeatures f) {
    return probability(f) >= threshold;
  }

  private static JsonNode required(JsonNode root, String field) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      throw new IllegalArgumentException("answerability coefficients lack the field '" + field + "'");
    }
    return n;
  }

  private static double[] doubles(JsonNode root, String field) {
    JsonNode n = required(root, field);
    if (!n.isArray()) {
      throw new IllegalArgumentException("'" + field + "' must be an array of numbers");
    }
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) {
      if (!n.get(i).isNumber()) {
        throw new IllegalArgumentException("'" + field + "'[" + i + "] is not a number: " + n.get(i));
      }
      out[i] = n.get(i).asDouble();
    }
    return out;
  }
}
