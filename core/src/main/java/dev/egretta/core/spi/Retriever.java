package dev.egretta.core.spi;

import java.util.List;

/** Finds the passages most relevant to a question within a scope, best first. Thread-safe. */
@FunctionalInterface
public interface Retriever {
  List<RetrievedPassage> retrieve(RetrievalRequest request);
}
