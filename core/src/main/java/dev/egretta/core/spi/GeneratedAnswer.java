package dev.egretta.core.spi;

import java.util.Objects;

/** A generator's Markdown answer with {@code [Source N]} references, and the tokens it cost. */
public record GeneratedAnswer(String markdown, TokenUsage usage) {
  public GeneratedAnswer {
    Objects.requireNonNull(markdown, "markdown");
    Objects.requireNonNull(usage, "usage");
  }
}
