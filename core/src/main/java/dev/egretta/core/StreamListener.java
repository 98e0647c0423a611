package dev.egretta.core;

import dev.egretta.api.StreamEvent;

/**
 * Receives a streamed answer: one {@link StreamEvent.Sources}, then {@link StreamEvent.Delta}s, then
 * exactly one {@link StreamEvent.Done} or {@link StreamEvent.Error}. Calls come from one thread at a time.
 */
@FunctionalInterface
public interface StreamListener {
  void onEvent(StreamEvent event);
}
