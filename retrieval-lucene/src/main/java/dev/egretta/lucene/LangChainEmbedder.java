package dev.egretta.lucene;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/** Any LangChain4j {@link EmbeddingModel}, with an optional query instruction prefix. */
final class LangChainEmbedder implements Embedder {
  private static final int BATCH = 64;
  private final EmbeddingModel model;
  private final String queryPrefix;
  private final String id;

  LangChainEmbedder(EmbeddingModel model, String queryPrefix) {
    this.model = model;
    this.queryPrefix = queryPrefix;
    this.id = model.modelName() == null || model.modelName().isBlank()
        ? model.getClass().getName() : model.modelName();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i += BATCH) {
      List<TextSegment> segments = texts.subList(i, Math.min(texts.size(), i + BATCH)).stream().map(TextSegment::from).toList();
      for (Embedding e : model.embedAll(segments).content()) {
        out.add(Embedder.normalise(e.vector()));
      }
    }
    return out;
  }

  @Override
  public float[] embedQuery(String query) {
    return Embedder.normalise(model.embed(queryPrefix + query).content().vector());
  }

  @Override
  public TokenCounter tokenCounter() {
    return TokenCounter.estimate();
  }
}
