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
  void theThresholdFlagsAtMostFivePercentHalfwayToTheNext() {
    double[] p = new double[40];
    for (int i = 0; i < 40; i++) {
      p[39 - i] = 0.5 + i / 100.0; // unsorted on purpose
    }
    // at most 5 % of 40 = 2 flagged: halfway between the 2nd lowest (0.51) and the 3rd (0.52)
    assertThat(AnswerabilityFit.cut(p)).isCloseTo(0.515, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(AnswerabilityFit.cut(new double[] {0.6, 0.8})).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void withoutPdfQuestionsThePooledPercentileSetsIt() {
    LogisticFit.Model m = new LogisticFit.Model(new double[] {0}, new double[] {1}, new double[] {1}, 0); // P = σ(x)
    List<FitCase> obliqa = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      obliqa.add(answerable("obliqa", -1 - i / 100.0));
    }
    assertThat(AnswerabilityFit.pooledThreshold(obliqa, m, obliqa.stream().map(c -> 1.0).toList(), new int[] {0}))
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
