package dev.egretta.lucene;

import dev.egretta.core.spi.RetrievedPassage;
import java.util.Objects;

/**
 * A hit with the evidence behind its score, for debugging and for fitting a
 * {@link ScoreCalibration}.
 *
 * @param passage the hit as {@link LuceneKnowledgeBase#retrieve} returns it
 * @param cosine cosine similarity of the passage vector to the query vector
 * @param bm25Rank 1-based rank in the BM25 list, 0 when absent from it
 * @param denseRank 1-based rank in the kNN list, 0 when absent from it
 * @param fused the fusion score that ordered the list (RRF or convex)
 */
public record ExplainedPassage(RetrievedPassage passage, double cosine, int bm25Rank, int denseRank, double fused) {
  public ExplainedPassage {
    Objects.requireNonNull(passage, "passage");
  }
}
