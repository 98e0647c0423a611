package dev.egretta.testsupport;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.Locale;

/**
 * A real but cheap, deterministic LangChain4j {@link EmbeddingModel} for tests: feature hashing of
 * lower-cased words (split at non-word characters) into {@value #DEFAULT_DIMENSION} dimensions by
 * default, each word adding +1 or -1 by a bit of its hash. Texts sharing words get similar vectors;
 * no network, no ONNX, fast on two cores. Never a zero vector (cosine needs a norm). Same text, same
 * vector, in every JVM: a child JVM and its parent agree on an index.
 */
public final class HashingEmbeddingModel implements EmbeddingModel {
  /** The dimension of {@link #HashingEmbeddingModel()}. */
  public static final int DEFAULT_DIMENSION = 64;

  private final int dimension;

  /** A model of {@value #DEFAULT_DIMENSION} dimensions, named {@code test-hashing-64}. */
  public HashingEmbeddingModel() {
    this(DEFAULT_DIMENSION);
  }

  /** A model of {@code dimension} dimensions (at least 2), named {@code test-hashing-<dimension>}. */
  public HashingEmbeddingModel(int dimension) {
    if (dimension < 2) {
      throw new IllegalArgumentException("dimension must be at least 2: " + dimension);
    }
    this.dimension = dimension;
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    return Response.from(segments.stream().map(s -> Embedding.from(vector(s.text()))).toList());
  }

  private float[] vector(String text) {
    float[] v = new float[dimension];
    for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
      if (!w.isEmpty()) {
        int h = w.hashCode();
        v[Math.floorMod(h, dimension)] += (h & 0x100) == 0 ? 1 : -1;
      }
    }
    v[0] += 0.01f; // keeps a text without words (or whose words cancel out) off the zero vector
    return v;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public String modelName() {
    return "test-hashing-" + dimension;
  }
}
