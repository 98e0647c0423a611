package dev.egretta.core;

/** A handle on running work; cancelling stops it as soon as it can and is idempotent. */
@FunctionalInterface
public interface Cancellable {
  void cancel();
}
