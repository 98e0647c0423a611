package dev.egretta.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerabilityModelTest {

  private static AnswerabilityModel read(String json) throws IOException {
    return AnswerabilityModel.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static String json(List<String> names, String scale, double threshold) {
    int n = names.size();
    String zeros = String.join(",", Collections.nCopies(n, "0"));
    return "{\"features\":[\"" + String.join("\",\"", names) + "\"],\"mean\":[" + zeros + "],\"scale\":[" + scale
        + "],\"weights\":[" + zeros + "],\"bias\":0.5,\"threshold\":" + threshold + "}";
  }

  @Test
  void theFittedCoefficientsLoadAndDescribeEveryFeature() {
    AnswerabilityModel m = AnswerabilityModel.defaults();
    assertThat(AnswerabilityFeatures.NAMES).containsAll(m.features());
    assertThat(m.threshold()).isBetween(0.0, 1.0);
    assertThat(m.weights()).hasSize(m.features().size());
    // a fitted model, not zeros: the evidence's similarity and the best passage's coverage of the question's
    // focus raise P(answerable), an asked value found nowhere lowers it (features that overlap others, such
    // as answer_coverage, may take either sign from one fit to the next, so they are not asserted)
    assertThat(m.weights()[m.features().indexOf("best_similarity")]).isPositive();
    assertThat(m.weights()[m.features().indexOf("max_passage_coverage")]).isPositive();
    assertThat(m.weights()[m.features().indexOf("typed_answer_absent")]).isNegative();
  }

  @Test
  void probabilityIsTheLogisticOfTheStandardisedFeatures() throws IOException {
    String ones = String.join(",", Collections.nCopies(AnswerabilityFeatures.NAMES.size(), "1"));
    AnswerabilityModel m = read(json(AnswerabilityFeatures.NAMES, ones, 0.5));
    double[] x = new double[AnswerabilityFeatures.NAMES.size()];
    assertThat(m.probability(AnswerabilityFeatures.of(x))).isCloseTo(1 / (1 + Math.exp(-0.5)), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(m.answerable(AnswerabilityFeatures.of(x))).isTrue();
  }

  @Test
  void anotherThresholdMovesOnlyTheOperatingPoint() throws IOException {
    String ones = String.join(",", Collections.nCopies(AnswerabilityFeatures.NAMES.size(), "1"));
    AnswerabilityModel m = read(json(AnswerabilityFeatures.NAMES, ones, 0.5));
    AnswerabilityFeatures x = AnswerabilityFeatures.of(new double[AnswerabilityFeatures.NAMES.size()]); // P = σ(0.5) ≈ 0.62
    AnswerabilityModel stricter = m.withThreshold(0.7);
    assertThat(stricter.probability(x)).isEqualTo(m.probability(x));
    assertThat(m.answerable(x)).isTrue();
    assertThat(stricter.answerable(x)).isFalse();
    assertThatThrownBy(() -> m.withThreshold(1.0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
  }

  @Test
  void aModelOfFewFeaturesReadsThemByName() throws IOException {
    AnswerabilityModel m = read("{\"features\":[\"answer_coverage\",\"best_similarity\"],\"mean\":[0.5,0],\"scale\":[0.5,1],"
        + "\"weights\":[2,0],\"bias\":0,\"threshold\":0.5}");
    double[] x = new double[AnswerabilityFeatures.NAMES.size()];
    x[AnswerabilityFeatures.NAMES.indexOf("answer_coverage")] = 1.0;
    x[AnswerabilityFeatures.NAMES.indexOf("top_score_logit")] = -50;   // not in the model: no effect
    assertThat(m.probability(AnswerabilityFeatures.of(x))).isCloseTo(1 / (1 + Math.exp(-2)), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void invalidCoefficientsAreRejectedNamingTheProblem() {
    int n = AnswerabilityFeatures.NAMES.size();
    String ones = String.join(",", Collections.nCopies(n, "1"));
    assertThatThrownBy(() -> read(json(List.of("best_similarity", "colour"), "1,1", 0.5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features must be distinct").hasMessageContaining("colour");
    assertThatThrownBy(() -> read(json(List.of("best_similarity", "best_similarity"), "1,1", 0.5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features must be distinct");
    assertThatThrownBy(() -> read(json(AnswerabilityFeatures.NAMES, ones.replaceFirst("1", "0"), 0.5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("best_similarity").hasMessageContaining("scale 0.0");
    assertThatThrownBy(() -> read(json(AnswerabilityFeatures.NAMES, ones, 1.5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold must be in (0, 1); got 1.5");
    assertThatThrownBy(() -> read("{\"features\":[]}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lack the field 'mean'");
    assertThatThrownBy(() -> AnswerabilityFeatures.of(1, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected " + n);
  }
}
