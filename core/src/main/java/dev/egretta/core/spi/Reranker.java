package dev.egretta.core.spi;

import java.util.List;

/**
 * Reorders the retriever's best candidates for a question, most relevant first: the stage between
 * retrieval and the context decision. The engine keeps its own copies of the passages and their
 * score scale; a reranker decides only the order. Implementations translate their vendor's
 * exceptions into {@link dev.egretta.core.EgrettaException}s. Thread-safe.
 */
@FunctionalInterface
public interface Reranker {

  /**
   * @param question the standalone question the candidates were retrieved for
   * @param candidates the fused candidates, best first (not empty)
   * @return the same passages (by {@link RetrievedPassage#chunkId()}), each exactly once, most relevant first
   */
  List<RetrievedPassage> rerank(String question, List<RetrievedPassage> candidates);
}
