package dev.egretta.core.spi;

import java.util.List;

/**
 * Embeds text with the retriever's own embedding model, so that stages after retrieval (evidence
 * selection, answerability, citation checks) can compare a question with single sentences on the
 * scale the retriever used. A retriever that also implements this is picked up by the engine
 * builder automatically. Vectors are unit length, so a dot product is their cosine. Thread-safe.
 */
public interface TextEmbedder {

  /** The vector of a question, with the model's query instruction when it has one. */
  float[] embedQuery(String question);

  /** One vector per text, in order, embedded as passages (no instruction). */
  List<float[]> embedPassages(List<String> texts);

  /**
   * Identifies the embedding model (for example {@code bge-small-en-v1.5-q}), so that a stage fitted on one
   * model's scores can tell whether it is in the domain it was fitted on; empty when unknown.
   */
  default String modelId() {
    return "";
  }

  /** The dot product of two vectors of equal length (their cosine when both are unit vectors). */
  static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors differ in length: " + a.length + " vs " + b.length);
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
