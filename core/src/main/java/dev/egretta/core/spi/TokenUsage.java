package dev.egretta.core.spi;

import dev.egretta.core.internal.Tokens;
/** Tokens one generation consumed, as the model reported them (or as counted for a local generator). */
public record TokenUsage(long inputTokens, long outputTokens) {
  public static final TokenUsage ZERO = new TokenUsage(0, 0);

  public TokenUsage {
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException("token counts must be >= 0; got " + inputTokens + "/" + outputTokens);
    }
  }
}
