package dev.egretta.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.IntStream;

/** nDCG@10, Recall@10, Recall@100 and MRR@10 of one ranking against graded judgements. */
final class RankingMetrics {
  private RankingMetrics() {}

  /** The mean metrics of every judged query of {@code dataset}, each ranked by {@code rank}, on {@code threads} threads. */
  static Metrics mean(BeirDataset dataset, Function<String, List<String>> rank, int threads) {
    List<Map.Entry<String, String>> queries = new ArrayList<>(dataset.queries().entrySet());
    double[][] perQuery = new double[queries.size()][];
    try (ForkJoinPool pool = new ForkJoinPool(threads)) {
      pool.submit(() -> IntStream.range(0, queries.size()).parallel().forEach(i -> {
        Map.Entry<String, String> q = queries.get(i);
        perQuery[i] = of(rank.apply(q.getValue()), dataset.qrels().get(q.getKey()));
      })).join();
    }
    double[] sum = new double[4];
    for (double[] m : perQuery) {
      for (int j = 0; j < 4; j++) {
        sum[j] += m[j];
      }
    }
    int n = Math.max(1, queries.size());
    return new Metrics(sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n, queries.size());
  }

  /** {@code [ndcg@10, recall@10, recall@100, mrr@10]}. */
  static double[] of(List<String> ranking, Map<String, Integer> relevant) {
    double dcg = 0;
    double rr = 0;
    int hits10 = 0;
    int hits100 = 0;
    for (int i = 0; i < Math.min(100, ranking.size()); i++) {
      int grade = relevant.getOrDefault(ranking.get(i), 0);
      if (grade <= 0) {
        continue;
      }
      hits100++;
      if (i < 10) {
        hits10++;
        dcg += grade / log2(i + 2);
        if (rr == 0) {
          rr = 1.0 / (i + 1);
        }
      }
    }
    List<Integer> ideal = new ArrayList<>(relevant.values());
    ideal.sort((a, b) -> b - a);
    double idcg = 0;
    for (int i = 0; i < Math.min(10, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    int total = relevant.size();
    return new double[] {idcg == 0 ? 0 : dcg / idcg, (double) hits10 / total, (double) hits100 / total, rr};
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
