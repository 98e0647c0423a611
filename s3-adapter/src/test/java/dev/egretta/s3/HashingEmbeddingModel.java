package dev.egretta.s3;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fast deterministic embedding (hashed bag of words, 256 dimensions) for the sync tests: they test
 * S3 synchronisation, not relevance, and must stay fast on two cores; BM25 still finds the passages.
 */
final class HashingEmbeddingModel implements EmbeddingModel {

  private static final int DIMENSION = 256;

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    List<Embedding> out = new ArrayList<>(segments.size());
    for (TextSegment segment : segments) {
      float[] v = new float[DIMENSION];
      for (String word : segment.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (!word.isEmpty()) {
          v[Math.floorMod(word.hashCode(), DIMENSION)] += 1f;
        }
      }
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      if (norm == 0) {
        v[0] = 1f;
        norm = 1;
      }
      float inv = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < DIMENSION; i++) {
        v[i] *= inv;
      }
      out.add(Embedding.from(v));
    }
    return Response.from(out);
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }
}
