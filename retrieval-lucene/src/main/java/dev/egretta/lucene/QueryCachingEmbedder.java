package dev.egretta.lucene;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Embedder} that remembers the vectors of the last queries ({@link LuceneConfig#queryCacheSize()},
 * by default {@value #DEFAULT_CAPACITY}). The engine
 * embeds a question once to retrieve and again to rank the evidence sentences of its hits (through
 * {@link LuceneKnowledgeBase#embedQuery}); with this the second time costs a map look-up instead
 * of a model call (about 7 ms on one core). Passages pass straight through.
 */
final class QueryCachingEmbedder implements Embedder {
  static final int DEFAULT_CAPACITY = 256;

  private final Embedder delegate;
  private final int capacity;
  private final Map<String, float[]> queries;

  QueryCachingEmbedder(Embedder delegate, int capacity) {
    this.delegate = delegate;
    this.capacity = capacity;
    this.queries = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > QueryCachingEmbedder.this.capacity;
      }
    };
  }

  /** The embedder {@code config} names (its LangChain4j model, else the built-in bge), with its query cache. */
  static QueryCachingEmbedder of(LuceneConfig config) {
    return new QueryCachingEmbedder(config.embeddingModel()
        .<Embedder>map(m -> new LangChainEmbedder(m, config.queryPrefix()))
        .orElseGet(OnnxBgeEmbedder::shared), config.queryCacheSize());
  }

  @Override
  public String id() {
    return delegate.id();
  }

  @Override
  public int dimension() {
    return delegate.dimension();
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    return delegate.embedPassages(texts);
  }

  @Override
  public float[] embedQuery(String query) {
    synchronized (queries) {
      float[] v = queries.get(query);
      if (v != null) {
        return v.clone();
      }
    }
    float[] v = delegate.embedQuery(query);
    synchronized (queries) {
      queries.put(query, v.clone());
    }
    return v;
  }

  @Override
  public void awaitReady() {
    delegate.awaitReady();
  }

  @Override
  public TokenCounter tokenCounter() {
    return delegate.tokenCounter();
  }
}
