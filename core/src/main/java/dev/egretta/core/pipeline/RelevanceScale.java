package dev.egretta.core.pipeline;

import dev.egretta.api.Relevance;

/**
 * Maps a source's score in [0, 1] to Egret's relevance label: at least {@code highlyRelevant} →
 * {@code Highly Relevant}; at least {@code relevant} → {@code Relevant}; anything lower →
 * {@code Partially Relevant}. Defaults: {@value #DEFAULT_HIGHLY_RELEVANT} and
 * {@value #DEFAULT_RELEVANT} (see {@code core/README.md} for how they were chosen).
 */
public record RelevanceScale(double highlyRelevant, double relevant) {

  public static final double DEFAULT_HIGHLY_RELEVANT = 0.6;
  public static final double DEFAULT_RELEVANT = 0.3;

  public RelevanceScale {
    if (!(relevant >= 0 && relevant <= highlyRelevant && highlyRelevant <= 1)) {
      throw new IllegalArgumentException("need 0 <= relevant <= highlyRelevant <= 1; got " + relevant + ", " + highlyRelevant);
    }
  }

  public static RelevanceScale defaults() {
    return new RelevanceScale(DEFAULT_HIGHLY_RELEVANT, DEFAULT_RELEVANT);
  }

  public Relevance label(double score) {
    if (score >= highlyRelevant) {
      return Relevance.HIGHLY_RELEVANT;
    }
    return score >= relevant ? Relevance.RELEVANT : Relevance.PARTIALLY_RELEVANT;
  }
}
