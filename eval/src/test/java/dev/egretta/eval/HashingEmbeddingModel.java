package dev.egretta.eval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.Locale;

/**
 * A real but cheap embedding model for the evaluation's tests: feature hashing of lower-cased words
 * into 64 dimensions. Similar texts get similar vectors; no network, no ONNX.
 */
final class HashingEmbeddingModel implements EmbeddingModel {
  private static final int DIMENSION = 64;

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    return Response.from(segments.stream().map(s -> Embedding.from(vector(s.text()))).toList());
  }

  private static float[] vector(String text) {
    float[] v = new float[DIMENSION];
    for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
      if (!w.isEmpty()) {
        int h = w.hashCode();
        v[Math.floorMod(h, DIMENSION)] += (h & 0x100) == 0 ? 1 : -1;
      }
    }
    v[0] += 0.01f;
    return v;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public String modelName() {
    return "test-hashing-64";
  }
}
