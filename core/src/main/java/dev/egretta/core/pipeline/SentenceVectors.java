package dev.egretta.core.pipeline;

import dev.egretta.core.spi.TextEmbedder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence vectors from a {@link TextEmbedder}, remembered by sentence text (least recently used
 * out beyond {@code capacity}; 4,096 bge-small vectors are 6 MB). Popular passages come back
 * query after query, so their sentences are embedded once; the generator and the citation check
 * re-use what the context judge embedded. Thread-safe; misses are embedded in one call so the
 * embedder can spread them over its threads.
 */
final class SentenceVectors {
  private final TextEmbedder embedder;
  private final Map<String, float[]> cache;

  SentenceVectors(TextEmbedder embedder, int capacity) {
    this.embedder = embedder;
    this.cache = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > capacity;
      }
    };
  }

  TextEmbedder embedder() {
    return embedder;
  }

  /** One vector per sentence, in order. */
  List<float[]> of(List<String> sentences) {
    float[][] out = new float[sentences.size()][];
    List<String> missing = new ArrayList<>();
    synchronized (cache) {
      for (int i = 0; i < out.length; i++) {
        out[i] = cache.get(sentences.get(i));
        if (out[i] == null && !missing.contains(sentences.get(i))) {
          missing.add(sentences.get(i));
        }
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> fresh = embedder.embedPassages(missing);
      if (fresh.size() != missing.size()) {
        throw new IllegalStateException("the embedder returned " + fresh.size() + " vectors for " + missing.size() + " texts");
      }
      synchronized (cache) {
        for (int i = 0; i < missing.size(); i++) {
          cache.put(missing.get(i), fresh.get(i));
        }
      }
      for (int i = 0; i < out.length; i++) {
        if (out[i] == null) {
          out[i] = fresh.get(missing.indexOf(sentences.get(i)));
        }
      }
    }
    return List.of(out);
  }
}
