package dev.egretta.eval.answers;

import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.Retriever;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes retrieval through and keeps the hits of the first retrieval since {@link #reset} (the
 * question's own; later ones are the suggestions' checks), so that a response's sources can be
 * traced back to their full passage text. One question at a time.
 */
final class RecordingRetriever implements Retriever {
  private final Retriever delegate;
  private List<RetrievedPassage> first;

  RecordingRetriever(Retriever delegate) {
    this.delegate = delegate;
  }

  @Override
  public synchronized List<RetrievedPassage> retrieve(RetrievalRequest request) {
    List<RetrievedPassage> hits = delegate.retrieve(request);
    if (first == null) {
      first = new ArrayList<>(hits);
    }
    return hits;
  }

  synchronized void reset() {
    first = null;
  }

  /** The question's hits (empty before any retrieval). */
  synchronized List<RetrievedPassage> hits() {
    return first == null ? List.of() : List.copyOf(first);
  }
}
