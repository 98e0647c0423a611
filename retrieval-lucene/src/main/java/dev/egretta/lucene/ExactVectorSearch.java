package dev.egretta.lucene;

import java.io.IOException;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.VectorScorer;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BitSetIterator;

/**
 * The k nearest chunk vectors by scoring every vector in scope, for scopes too small for a graph walk
 * to pay. Over the 12 policy PDFs (367 chunks in four segments) one HNSW search per segment plus the
 * query's rewrite cost 0.17-0.25 ms against 0.05-0.09 ms here, with the same 40 hits (bench notes in
 * retrieval-lucene/README.md, "Latency"); on random vectors in one segment the two meet near 2,000.
 * Scores are the index's own ({@link VectorScorer}, as the kNN query reports them); ties go to the
 * lower doc id, as in Lucene's merged top docs.
 */
final class ExactVectorSearch {
  /** Scopes of at most this many chunks are scored exhaustively; half the measured crossover. */
  static final int MAX_EXACT = 1_000;

  private ExactVectorSearch() {}

  /**
   * The best {@code k} documents of {@code scope} (one entry per leaf, in leaf order) by the vector
   * field's similarity to {@code query}, best first; deleted documents are skipped. The walk follows the
   * scope and skips ahead in the vectors, so a small scope of a large index costs its own size.
   */
  static ScoreDoc[] topK(List<LeafReaderContext> leaves, List<ScopeBitSets.LeafScope> scope, String field,
      float[] query, int k) throws IOException {
    PriorityQueue<ScoreDoc> best = new PriorityQueue<>(k + 1,
        (a, b) -> a.score != b.score ? Float.compare(a.score, b.score) : Integer.compare(b.doc, a.doc));
    for (int i = 0; i < leaves.size(); i++) {
      LeafReaderContext leaf = leaves.get(i);
      ScopeBitSets.LeafScope inScope = scope.get(i);
      FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
      if (inScope.count() == 0 || values == null) {
        continue;
      }
      VectorScorer scorer = values.scorer(query);
      if (scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = ConjunctionUtils.intersectIterators(
          List.of(new BitSetIterator(inScope.bits(), inScope.count()), scorer.iterator()));
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        float score = scorer.score();
        if (best.size() < k) {
          best.add(new ScoreDoc(leaf.docBase + doc, score));
        } else if (score > best.peek().score) {
          best.poll();
          best.add(new ScoreDoc(leaf.docBase + doc, score));
        }
      }
    }
    ScoreDoc[] out = new ScoreDoc[best.size()];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = best.poll();
    }
    return out;
  }
}
