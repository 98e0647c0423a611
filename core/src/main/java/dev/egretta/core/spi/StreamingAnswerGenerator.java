package dev.egretta.core.spi;

import dev.egretta.core.Cancellable;

/** Writes a cited Markdown answer as a stream of fragments. Thread-safe. */
@FunctionalInterface
public interface StreamingAnswerGenerator {
  /** Starts generating; returns at once. Cancelling stops the model and closes its connection. */
  Cancellable stream(GenerationRequest request, AnswerStreamHandler handler);
}
