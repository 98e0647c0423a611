package dev.egretta.bench.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A vocabulary of pronounceable pseudo-words whose frequencies follow Zipf's law (word of rank r has
 * probability proportional to {@code 1 / r^s}), as natural-language text does. Words are distinct, lower
 * case ASCII, 2-5 syllables, so every analyser keeps them as one token each. Immutable; thread-safe.
 */
public final class ZipfVocabulary {
  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "ga", "vo", "zu", "be", "chi", "fa", "ho",
    "ju", "ke", "ly", "mo", "nu", "pa", "qui", "ro", "si", "tu", "va", "we", "xe", "yo", "za", "bri",
    "cla", "dro", "fle", "gri", "pla", "sto", "tre", "und", "ver", "mar", "tel", "sin", "con", "dis"};

  private final String[] words;
  private final double[] cdf;

  /** {@code size} words with Zipf exponent {@code exponent} (natural language: about 1.0-1.1). */
  public ZipfVocabulary(int size, double exponent) {
    if (size < 2) {
      throw new IllegalArgumentException("vocabulary size must be >= 2; got " + size);
    }
    if (!(exponent > 0)) {
      throw new IllegalArgumentException("Zipf exponent must be > 0; got " + exponent);
    }
    words = new String[size];
    for (int i = 0; i < size; i++) {
      words[i] = word(i);
    }
    cdf = zipfCdf(size, exponent);
  }

  /** Word number {@code i}: its digits in base {@code SYLLABLES.length}, spelled as syllables (so all differ). */
  static String word(int i) {
    StringBuilder sb = new StringBuilder();
    int n = i + SYLLABLES.length; // at least two syllables
    while (n > 0) {
      sb.append(SYLLABLES[n % SYLLABLES.length]);
      n /= SYLLABLES.length;
    }
    return sb.toString();
  }

  static double[] zipfCdf(int size, double exponent) {
    double[] cdf = new double[size];
    double sum = 0;
    for (int r = 0; r < size; r++) {
      sum += 1.0 / Math.pow(r + 1, exponent);
      cdf[r] = sum;
    }
    for (int r = 0; r < size; r++) {
      cdf[r] /= sum;
    }
    return cdf;
  }

  /** A rank drawn from the Zipf distribution (0 = most frequent). */
  public int sampleRank(SplittableRandom random) {
    return sampleRank(cdf, random);
  }

  static int sampleRank(double[] cdf, SplittableRandom random) {
    int i = Arrays.binarySearch(cdf, random.nextDouble());
    return i >= 0 ? i : Math.min(-i - 1, cdf.length - 1);
  }

  public String wordAt(int rank) {
    return words[rank];
  }

  public int size() {
    return words.length;
  }
}
