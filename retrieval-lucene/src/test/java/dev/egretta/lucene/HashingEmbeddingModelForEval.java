package dev.egretta.lucene;

/** Exposes the test hashing model to tests in other packages. */
public final class HashingEmbeddingModelForEval extends dev.langchain4j.model.embedding.DimensionAwareEmbeddingModel {
  private final HashingEmbeddingModel model = new HashingEmbeddingModel();

  @Override
  public dev.langchain4j.model.output.Response<java.util.List<dev.langchain4j.data.embedding.Embedding>> embedAll(
      java.util.List<dev.langchain4j.data.segment.TextSegment> segments) {
    return model.embedAll(segments);
  }

  @Override
  public String modelName() {
    return model.modelName();
  }
}
