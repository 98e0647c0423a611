package dev.egretta.eval.answerability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.pipeline.AnswerabilityFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogisticFitTest {

  @Test
  void recoversTheDirectionOfEachFeatureAndSeparatesTheClasses() {
    Random r = new Random(7);
    List<double[]> xs = new ArrayList<>();
    List<Integer> ys = new ArrayList<>();
    List<Double> ws = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      double a = r.nextGaussian();
      double b = r.nextGaussian() * 5 + 10;
      double z = 2 * a - 0.4 * (b - 10);
      xs.add(new double[] {a, b, r.nextGaussian()});
      ys.add(r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
      ws.add(1.0);
    }
    LogisticFit.Model m = LogisticFit.fit(xs, ys, ws, 0.001);
    assertThat(m.weights()[0]).isGreaterThan(1.5);
    assertThat(m.weights()[1]).isLessThan(-1.5);
    assertThat(Math.abs(m.weights()[2])).isLessThan(0.2);
    assertThat(m.mean()[1]).isBetween(9.5, 10.5);
    assertThat(m.probability(new double[] {2, 5, 0})).isGreaterThan(0.9);
    assertThat(m.probability(new double[] {-2, 15, 0})).isLessThan(0.1);
  }

  @Test
  void casesSurviveTheirCacheFileAndTheHoldOutIsStable() {
    double[] x = new double[AnswerabilityFeatures.NAMES.size()];
    x[0] = 0.75;
    FitCase c = new FitCase("q1/removed", "obliqa", true, false, false, x);
    FitCase back = FitCase.fromTsv(c.toTsv());
    assertThat(back.id()).isEqualTo("q1/removed");
    assertThat(back.answerable()).isFalse();
    assertThat(back.features()).containsExactly(x);
    assertThat(FitCase.fromTsv(new FitCase("pdf:pu-1", "pdf-qa", false, false, true, null).toTsv()).features()).isNull();
    long held = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8)}).toString())
        .filter(FitCase::heldOut).count();
    assertThat(held).isBetween(150L, 250L);
  }

  @Test
  void thePdfQuestionsAloneSetTheThreshold() {
    // P = σ(x) over one column; 40 PDF answerable cases at x = 0, 0.1, ..., 3.9 and 100 ObliQA answerable
    // cases far below them, which would pull a pooled percentile down
    LogisticFit.Model m = new LogisticFit.Model(new double[] {0}, new double[] {1}, new double[] {1}, 0);
    List<FitCase> train = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      train.add(answerable("pdf-qa", i / 10.0));
    }
    for (int i = 0; i < 100; i++) {
      train.add(answerable("obliqa", -1 - i / 100.0));
    }
    train.add(new FitCase("u", "pdf-qa", false, false, false, feature(-5))); // unanswerable: never sets it
    List<Double> ws = train.stream().map(c -> 1.0).toList();
    double t = AnswerabilityFit.threshold(train, m, ws, new int[] {0});
    // at most 5 % of 40 = 2 PDF cases flagged: halfway between the 2nd (x = 0.1) and the 3rd (x = 0.2)
    assertThat(t).isCloseTo((sigmoid(0.1) + sigmoid(0.2)) / 2, org.assertj.core.data.Offset.offset(1e-12));
    // without PDF cases, the 5th percentile of all answerable cases
    List<FitCase> obliqa = train.stream().filter(c -> c.source().equals("obliqa")).toList();
    assertThat(AnswerabilityFit.threshold(obliqa, m, obliqa.stream().map(c -> 1.0).toList(), new int[] {0}))
        .isCloseTo(sigmoid(-1.94), org.assertj.core.data.Offset.offset(1e-9));
  }

  private static FitCase answerable(String source, double x) {
    return new FitCase(source + x, source, false, true, false, feature(x));
  }

  private static double[] feature(double x) {
    double[] all = new double[AnswerabilityFeatures.NAMES.size()];
    all[0] = x;
    return all;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  @Test
  void theFitKeepsTheNamedFeaturesOfEachCase() {
    assertThat(AnswerabilityFeatures.NAMES).containsAll(AnswerabilityFit.FEATURES);
    assertThat(AnswerabilityFit.FEATURES).doesNotHaveDuplicates().hasSizeLessThan(AnswerabilityFeatures.NAMES.size());
    double[] all = new double[AnswerabilityFeatures.NAMES.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    assertThat(AnswerabilityFit.project(all, new int[] {3, 0, 17})).containsExactly(3, 0, 17);
  }

  @Test
  void argumentsAreCheckedByName() {
    assertThat(CommandLine.parse(new String[] {"--rebuild", "--out", "x.json"}, Set.of("out"), Set.of("rebuild")))
        .isEqualTo(Map.of("rebuild", "true", "out", "x.json"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommandLine.parse(new String[] {"--ot", "x"}, Set.of("out"), Set.of()))
        .hasMessage("unknown argument '--ot'");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommandLine.parse(new String[] {"--out"}, Set.of("out"), Set.of()))
        .hasMessage("--out needs a value");
  }
}
