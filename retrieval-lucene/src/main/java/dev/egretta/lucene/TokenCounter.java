package dev.egretta.lucene;

/** Counts a text's length in an embedding model's tokens (without special tokens). */
@FunctionalInterface
interface TokenCounter {
  int count(String text);

  /** An estimate for models whose tokenizer is unknown: about 4/3 tokens per word. */
  static TokenCounter estimate() {
    return text -> {
      int words = 0;
      boolean inWord = false;
      for (int i = 0; i < text.length(); i++) {
        boolean space = Character.isWhitespace(text.charAt(i));
        if (!space && !inWord) {
          words++;
        }
        inWord = !space;
      }
      return (words * 4 + 2) / 3;
    };
  }
}
