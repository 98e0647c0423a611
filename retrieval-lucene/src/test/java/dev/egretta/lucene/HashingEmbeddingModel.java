package dev.egretta.lucene;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;

/**
 * Temporary bridge to {@link dev.egretta.testsupport.HashingEmbeddingModel} (same vectors, same name)
 * for the two files that still name this class, {@code HostileSweepTest} and
 * {@code HashingEmbeddingModelForEval}: they are moving out of this module (issue 12, item 1). Delete
 * this file when they have gone; other tests import the test-support model directly.
 */
final class HashingEmbeddingModel implements EmbeddingModel {
  private final EmbeddingModel model = new dev.egretta.testsupport.HashingEmbeddingModel();

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    return model.embedAll(segments);
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public String modelName() {
    return model.modelName();
  }
}
