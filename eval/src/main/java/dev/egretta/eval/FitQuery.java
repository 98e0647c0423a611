package dev.egretta.eval;

import dev.egretta.core.spi.RetrievedPassage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One judged query of the relevance fit with the lists it retrieved (chunk ids best first, min-max
 * normalised scores): its vector list and one BM25 list per tried (k1, b). Kept in memory so that
 * fusions and reranker weights are tried without searching again; the passages themselves are
 * shared in one map by chunk id.
 *
 * @param set which part of the data it belongs to, e.g. {@code scifact-train}, {@code obliqa-fit}
 * @param text the query
 * @param qrels graded judgements of documents
 * @param bm25 one list per BM25 setting, in the order of the fit's grid
 */
record FitQuery(String set, String text, Map<String, Integer> qrels, List<String> dense, double[] denseScores,
    List<List<String>> bm25, List<double[]> bm25Scores) {

  FitQuery {
    Objects.requireNonNull(set, "set");
    Objects.requireNonNull(qrels, "qrels");
    if (bm25.size() != bm25Scores.size()) {
      throw new IllegalArgumentException("one score array per BM25 list; got " + bm25.size() + " and " + bm25Scores.size());
    }
  }

  /** The part of the PDF questions, judged by page ({@link #pageKey}) rather than by document. */
  static final String PDF_SET = "pdf-qa-dev";

  /** A judged page of a PDF question: {@code file#page}. */
  static String pageKey(String filename, int page) {
    return filename + "#" + page;
  }

  /** The page a chunk stands for: a judged page it covers (it may run over two), else its first. */
  private String pageOf(RetrievedPassage p) {
    for (int page = p.startPage(); page <= p.endPage(); page++) {
      if (qrels.containsKey(pageKey(p.filename(), page))) {
        return pageKey(p.filename(), page);
      }
    }
    return pageKey(p.filename(), p.startPage());
  }

  /**
   * {@code [ndcg@10, recall@10, recall@100, mrr@10]} of a chunk ranking collapsed to its documents, or
   * for {@link #PDF_SET} to pages ({@link #pageOf}).
   */
  double[] metrics(List<RetrievedPassage> ranking) {
    Set<String> docs = new LinkedHashSet<>();
    for (RetrievedPassage p : ranking) {
      if (set.equals(PDF_SET)) {
        docs.add(pageOf(p));
      } else {
        docs.add(BeirCorpusSource.idOf(p.documentUri()));
      }
      if (docs.size() == 100) {
        break;
      }
    }
    return RankingMetrics.of(new ArrayList<>(docs), qrels);
  }
}
