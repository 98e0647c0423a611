package dev.egretta.lucene;

/** How the BM25 and vector result lists are combined into one ranking. */
public enum Fusion {
  /** Reciprocal rank fusion: {@code sum 1 / (k + rank)} over both lists (k = 60 by default). */
  RRF,
  /** Convex combination of min-max normalised scores: {@code w * dense + (1 - w) * bm25}. */
  CONVEX
}
