package dev.egretta.server;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests being handled so that shutdown can refuse new ones, wait for the running ones,
 * and abort streams that outlive the wait. Thread-safe.
 */
final class InFlight {
  private final Object lock = new Object();
  private final Set<Runnable> streamAborts = ConcurrentHashMap.newKeySet();
  private int running;
  private boolean closing;

  /** Registers a request; false once shutdown has begun. */
  boolean enter() {
    synchronized (lock) {
      if (closing) {
        return false;
      }
      running++;
      return true;
    }
  }

  void exit() {
    synchronized (lock) {
      running--;
      if (running == 0) {
        lock.notifyAll();
      }
    }
  }

  boolean closing() {
    synchronized (lock) {
      return closing;
    }
  }

  /** Registers how to abort a running stream if shutdown cannot wait for it. */
  void addStream(Runnable abort) {
    streamAborts.add(abort);
  }

  void removeStream(Runnable abort) {
    streamAborts.remove(abort);
  }

  /**
   * Refuses new requests and waits up to {@code timeout} for running ones; then aborts the
   * streams still running and waits briefly for their handlers to return.
   *
   * @return the number of requests still running at the end
   */
  int drain(Duration timeout) throws InterruptedException {
    synchronized (lock) {
      closing = true;
    }
    if (await(timeout) == 0) {
      return 0;
    }
    streamAborts.forEach(Runnable::run);
    return await(Duration.ofSeconds(2));
  }

  private int await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (running > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      return running;
    }
  }
}
