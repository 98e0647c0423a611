package dev.egretta.core.internal;

import java.util.function.ToIntFunction;

/**
 * Token counting for generators that get no count from a model. The fallback estimate is one token
 * per four characters (rounded up), the usual rule of thumb for English BPE/WordPiece vocabularies;
 * pass a real tokenizer (e.g. the embedding model's, or a LangChain4j {@code TokenCountEstimator}
 * as {@code estimator::estimateTokenCountInText}) for exact counts.
 */
public final class Tokens {

  /** The fallback estimate: {@code ceil(chars / 4)}. */
  public static final ToIntFunction<String> ESTIMATE = Tokens::estimate;

  private Tokens() {}

  /** {@code ceil(text.length() / 4)}; 0 for empty text. */
  public static int estimate(String text) {
    return (text.length() + 3) / 4;
  }
}
