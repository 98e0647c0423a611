package dev.egretta.eval;

import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.ExplainedPassage;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.RetrieverKind;
import dev.egretta.lucene.ScoreCalibration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fits a {@link ScoreCalibration} by logistic regression of "judged relevant" on the cosine of
 * the top hybrid hits of a split's queries (use a training split, not the one you report).
 * {@code CalibrationFit --dataset DIR --split train [--index DIR]} prints midpoint and slope.
 */
public final class CalibrationFit {
  private static final int DEPTH = 20;

  private CalibrationFit() {}

  /** Fitted calibration from the top-{@value #DEPTH} hybrid hits of every judged query. */
  public static ScoreCalibration fit(BeirEvaluator eval, BeirDataset dataset) {
    List<double[]> samples = new ArrayList<>();
    SearchScope scope = SearchScope.publicOnly(BeirCorpusSource.DOMAIN, dataset.name());
    for (Map.Entry<String, String> q : dataset.queries().entrySet()) {
      Set<String> seen = new HashSet<>();
      Map<String, Integer> relevant = dataset.qrels().get(q.getKey());
      for (ExplainedPassage p : eval.knowledgeBase().explain(new RetrievalRequest(q.getValue(), scope, DEPTH), RetrieverKind.HYBRID)) {
        String doc = BeirCorpusSource.idOf(p.passage().documentUri());
        if (seen.add(doc)) {
          samples.add(new double[] {p.cosine(), relevant.containsKey(doc) ? 1 : 0});
        }
      }
    }
    // logistic regression y ~ sigmoid(a * (x - m)) by gradient descent on centred x
    double mean = samples.stream().mapToDouble(s -> s[0]).average().orElse(0);
    double a = 0;
    double b = 0;
    for (int iter = 0; iter < 20_000; iter++) {
      double ga = 0;
      double gb = 0;
      for (double[] s : samples) {
        double x = s[0] - mean;
        double p = 1 / (1 + Math.exp(-(a * x + b)));
        ga += (p - s[1]) * x;
        gb += p - s[1];
      }
      a -= 2.0 * ga / samples.size() * 10;
      b -= 2.0 * gb / samples.size();
    }
    double midpoint = mean - b / a;
    return new ScoreCalibration(midpoint, a);
  }

  public static void main(String[] args) {
    EvalArgs a = EvalArgs.parseOrExit(args);
    BeirDataset dataset = BeirDataset.load(a.dataset(), a.split());
    LuceneConfig config = a.config();
    try (BeirEvaluator eval = BeirEvaluator.open(a.dataset(), a.split(), a.index(), config)) {
      eval.index(System.err);
      ScoreCalibration c = fit(eval, dataset);
      System.out.printf(Locale.ROOT, "fitted on %s/%s (%d queries): midpoint %.4f slope %.2f%n",
          dataset.name(), a.split(), dataset.queries().size(), c.midpoint(), c.slope());
    }
  }
}
