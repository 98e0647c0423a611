package dev.egretta.server;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (the server keys them by organisation): {@code requests} tokens, refilled
 * evenly over {@code per}. Only authenticated callers get a bucket, so the map is bounded by the
 * organisations of the keys file. Thread-safe.
 */
final class RateLimiter {
  private final double capacity;
  private final double tokensPerNano;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(int requests, Duration per, LongSupplier nanoClock) {
    if (requests < 1) {
      throw new IllegalArgumentException("rate limit requests must be >= 1; got " + requests);
    }
    if (per.isNegative() || per.isZero()) {
      throw new IllegalArgumentException("rate limit period must be positive; got " + per);
    }
    this.capacity = requests;
    this.tokensPerNano = requests / (double) per.toNanos();
    this.nanoClock = nanoClock;
  }

  /** Takes a token for {@code key}; empty when granted, otherwise how long until one is available. */
  Optional<Duration> tryAcquire(String key) {
    return buckets.computeIfAbsent(key, k -> new Bucket(capacity, nanoClock.getAsLong())).take();
  }

  private final class Bucket {
    private double tokens;
    private long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }

    synchronized Optional<Duration> take() {
      long now = nanoClock.getAsLong();
      tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return Optional.empty();
      }
      return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano)));
    }
  }
}
