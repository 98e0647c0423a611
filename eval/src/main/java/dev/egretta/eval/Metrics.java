package dev.egretta.eval;

import java.util.Locale;

/**
 * Relevance of one run over a BEIR split, averaged over its queries.
 *
 * @param ndcg10 nDCG@10 (graded gains, as pytrec_eval / BEIR)
 * @param recall10 Recall@10
 * @param recall100 Recall@100
 * @param mrr10 MRR@10
 * @param queries the number of queries evaluated
 */
public record Metrics(double ndcg10, double recall10, double recall100, double mrr10, int queries) {

  /** The metric by its name: {@code ndcg@10}, {@code recall@10}, {@code recall@100}, {@code mrr@10}. */
  public double get(String name) {
    return switch (name) {
      case "ndcg@10" -> ndcg10;
      case "recall@10" -> recall10;
      case "recall@100" -> recall100;
      case "mrr@10" -> mrr10;
      default -> throw new IllegalArgumentException(
          "metric must be one of ndcg@10, recall@10, recall@100, mrr@10; got: " + name);
    };
  }

  /** {@code {"ndcg@10":..,"recall@10":..,"recall@100":..,"mrr@10":..,"queries":n}} */
  public String toJson() {
    return String.format(Locale.ROOT,
        "{\"ndcg@10\":%.4f,\"recall@10\":%.4f,\"recall@100\":%.4f,\"mrr@10\":%.4f,\"queries\":%d}",
        ndcg10, recall10, recall100, mrr10, queries);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "nDCG@10 %.4f  Recall@10 %.4f  Recall@100 %.4f  MRR@10 %.4f  (%d queries)",
        ndcg10, recall10, recall100, mrr10, queries);
  }
}
