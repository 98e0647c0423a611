package dev.egretta.lucene;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the embedder's second session (two intra-op threads, for lone questions) starts to load: at the
 * first question asked at least {@code delay} after the process's first question, once.
 *
 * <p>A one-off command asks all of its questions (the question itself, then the answer's own checks
 * and suggestions) within a fraction of a second of the first and exits: a load started there took
 * about a fifth of a second of CPU from the answer on 2 cores and held the exit until it ended (a cold
 * {@code egretta ask} was 0.06 s slower with it). A server or an application that keeps asking passes
 * the delay at its next question.
 */
final class SecondSessionTrigger {
  private final long delayNanos;
  /** The first question's {@link System#nanoTime}, or 0 before it (a time of 0 is stored as 1). */
  private final AtomicLong first = new AtomicLong();
  private final AtomicBoolean fired = new AtomicBoolean();

  SecondSessionTrigger(long delayNanos) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("delayNanos must be >= 0, was " + delayNanos);
    }
    this.delayNanos = delayNanos;
  }

  /** Records a question asked at {@code nowNanos}; true for exactly one question, the first one late enough. */
  boolean fires(long nowNanos) {
    if (fired.get()) {
      return false;
    }
    long at = first.get();
    if (at == 0) {
      first.compareAndSet(0, nowNanos == 0 ? 1 : nowNanos);
      return false;
    }
    return nowNanos - at >= delayNanos && fired.compareAndSet(false, true);
  }
}
