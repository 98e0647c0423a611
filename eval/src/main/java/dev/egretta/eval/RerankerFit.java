package dev.egretta.eval;

import java.util.List;

/**
 * Coordinate ascent on the weights of a linear ranking model (as RankLib's): one weight at a time
 * moves by the step that most raises the mean nDCG@10 of the fitted parts, with ever smaller
 * steps, until no step helps. The score is scale-free, so the start point fixes the scale.
 */
final class RerankerFit {
  static final double[] STEPS = {1.0, 0.3, 0.1};
  static final int ROUNDS = 4;

  private RerankerFit() {}

  static double[] coordinateAscent(List<FusionGrid.Candidates> queries, double[] start, List<String> fitSets) {
    List<FusionGrid.Candidates> fit = queries.stream().filter(c -> fitSets.contains(c.query().set())).toList();
    double[] w = start.clone();
    double best = objective(fit, w, fitSets);
    for (int round = 0; round < ROUNDS; round++) {
      boolean improved = false;
      for (int j = 0; j < w.length; j++) {
        double bestValue = w[j];
        for (double step : STEPS) {
          for (double sign : new double[] {1, -1}) {
            double[] trial = w.clone();
            trial[j] = w[j] + sign * step;
            double o = objective(fit, trial, fitSets);
            if (o > best + 1e-5) {
              best = o;
              bestValue = trial[j];
            }
          }
        }
        if (bestValue != w[j]) {
          w[j] = bestValue;
          improved = true;
        }
      }
      System.err.printf(java.util.Locale.ROOT, "rerank fit round %d: objective %.4f, weights %s%n", round + 1, best,
          java.util.Arrays.toString(w));
      if (!improved) {
        break;
      }
    }
    return w;
  }

  static double objective(List<FusionGrid.Candidates> fit, double[] w, List<String> fitSets) {
    java.util.Map<String, double[]> m = FusionGrid.means(fit, w);
    return RelevanceFit.objective(m);
  }
}
