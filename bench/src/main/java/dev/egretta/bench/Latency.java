package dev.egretta.bench;

import java.util.List;
import java.util.function.ToIntFunction;

/** Sequential single-thread latency sampling: warm-up rounds over all questions, then measured rounds. */
final class Latency {
  private Latency() {}

  /** Returns one latency in milliseconds per question per measured round. */
  static <Q> double[] measure(List<Q> questions, int warmupRounds, int rounds, ToIntFunction<Q> search) {
    long sink = 0;
    for (int r = 0; r < warmupRounds; r++) {
      for (Q q : questions) {
        sink += search.applyAsInt(q);
      }
    }
    double[] out = new double[questions.size() * rounds];
    int i = 0;
    for (int r = 0; r < rounds; r++) {
      for (Q q : questions) {
        long t = System.nanoTime();
        sink += search.applyAsInt(q);
        out[i++] = (System.nanoTime() - t) / 1e6;
      }
    }
    if (sink == 42) {
      System.out.println("(sink)");
    }
    return out;
  }
}
