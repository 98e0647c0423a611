package dev.egretta.server;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/** At most {@code perKey} concurrent streams per key (the server keys them by organisation). Thread-safe. */
final class StreamSlots {
  private final int perKey;
  private final ConcurrentHashMap<String, Semaphore> slots = new ConcurrentHashMap<>();

  StreamSlots(int perKey) {
    if (perKey < 1) {
      throw new IllegalArgumentException("max streams per key must be >= 1; got " + perKey);
    }
    this.perKey = perKey;
  }

  int perKey() {
    return perKey;
  }

  /** A slot for {@code key}, released by closing it; empty when all of the key's slots are taken. */
  Optional<AutoCloseable> tryAcquire(String key) {
    Semaphore semaphore = slots.computeIfAbsent(key, k -> new Semaphore(perKey));
    if (!semaphore.tryAcquire()) {
      return Optional.empty();
    }
    return Optional.of(new AutoCloseable() {
      private boolean released;

      @Override
      public synchronized void close() {
        if (!released) {
          released = true;
          semaphore.release();
        }
      }
    });
  }
}
