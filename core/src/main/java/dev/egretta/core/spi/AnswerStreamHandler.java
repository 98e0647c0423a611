package dev.egretta.core.spi;

import dev.egretta.core.EgrettaException;

/** Receives a streamed generation: text fragments, then exactly one completion or error. */
public interface AnswerStreamHandler {
  void onDelta(String text);

  /** The whole answer; its markdown equals the deltas concatenated. */
  void onComplete(GeneratedAnswer answer);

  void onError(EgrettaException error);
}
