package dev.egretta.lucene;

import java.util.List;

/** Turns passages and queries into unit-length vectors. Thread-safe. */
interface Embedder {

  /** Identifies the model; an index built with one model cannot be searched with another. */
  String id();

  int dimension();

  /** One unit vector per text, in order. */
  List<float[]> embedPassages(List<String> texts);

  /** The vector of a search query (with the model's query instruction, if it has one). */
  float[] embedQuery(String query);

  /**
   * Waits until the model can be used, so that a failure to load it is reported when the index
   * is opened rather than at the first search. Models that load eagerly return at once.
   */
  default void awaitReady() {}

  /** Counts tokens the way the model does, or estimates them. */
  TokenCounter tokenCounter();

  static float[] normalise(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    double norm = Math.sqrt(sum);
    if (norm == 0) {
      return v;
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / norm);
    }
    return out;
  }
}
