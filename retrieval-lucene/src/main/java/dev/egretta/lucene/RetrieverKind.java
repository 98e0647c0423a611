package dev.egretta.lucene;

import java.util.Locale;

/** Which evidence a search uses: lexical only, vectors only, or both fused. */
public enum RetrieverKind {
  BM25,
  DENSE,
  HYBRID;

  /** Parses {@code bm25}, {@code dense} or {@code hybrid} (any case). */
  public static RetrieverKind parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("retriever must be one of bm25, dense, hybrid; got: " + name);
    }
  }
}
