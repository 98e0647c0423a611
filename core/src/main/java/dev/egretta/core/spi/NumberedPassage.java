package dev.egretta.core.spi;

import java.util.Objects;

/** A passage offered to the generator as {@code [Source number]}; numbers run densely from 1. */
public record NumberedPassage(int number, RetrievedPassage passage) {
  public NumberedPassage {
    Objects.requireNonNull(passage, "passage");
    if (number < 1) {
      throw new IllegalArgumentException("source numbers start at 1; got " + number);
    }
  }
}
