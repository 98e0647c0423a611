package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Egret's human-readable relevance label of a source. */
public enum Relevance {
  HIGHLY_RELEVANT("Highly Relevant"),
  RELEVANT("Relevant"),
  PARTIALLY_RELEVANT("Partially Relevant");

  private final String label;

  Relevance(String label) {
    this.label = label;
  }

  /** The wire label, e.g. {@code Highly Relevant}. */
  @JsonValue
  public String label() {
    return label;
  }

  @JsonCreator
  static Relevance fromJson(String label) {
    return Arrays.stream(values())
        .filter(r -> r.label.equals(label))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "relevance must be one of Highly Relevant, Relevant, Partially Relevant; got: " + label));
  }
}
