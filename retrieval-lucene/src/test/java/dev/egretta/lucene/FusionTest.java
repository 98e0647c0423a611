package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FusionTest {
  private static final List<String> LEXICAL = List.of("a", "b", "c");
  private static final double[] LEXICAL_SCORES = {9.0, 5.0, 1.0};
  private static final List<String> DENSE = List.of("c", "d", "a");
  private static final double[] DENSE_SCORES = {1.0, 0.75, 0.5};

  @Test
  void equalWeightRrfIsPlainRrf() {
    Map<String, Double> f = Fusion.RRF.fuse(LEXICAL, LEXICAL_SCORES, DENSE, DENSE_SCORES, 60, 0.5);

    assertThat(f.keySet()).containsExactly("a", "c", "b", "d");
    assertThat(f.get("a")).isCloseTo(1.0 / 61 + 1.0 / 63, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void theDenseWeightMovesTheRankingTowardsTheVectorList() {
    List<String> dense = List.copyOf(Fusion.RRF.fuse(LEXICAL, LEXICAL_SCORES, DENSE, DENSE_SCORES, 10, 0.9).keySet());
    List<String> lexical = List.copyOf(Fusion.RRF.fuse(LEXICAL, LEXICAL_SCORES, DENSE, DENSE_SCORES, 10, 0.1).keySet());
    assertThat(dense.getFirst()).isEqualTo("c");
    assertThat(dense.indexOf("d")).isLessThan(dense.indexOf("b"));
    assertThat(lexical.getFirst()).isEqualTo("a");
    assertThat(lexical.indexOf("b")).isLessThan(lexical.indexOf("d"));
  }

  @Test
  void convexNormalisesEachListToZeroOne() {
    Map<String, Double> f = Fusion.CONVEX.fuse(LEXICAL, LEXICAL_SCORES, DENSE, DENSE_SCORES, 60, 0.5);

    assertThat(f.get("a")).isCloseTo(0.5 * 1 + 0.5 * 0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(f.get("b")).isCloseTo(0.5 * 0.5, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(f.get("c")).isCloseTo(0.5 * 0 + 0.5 * 1, org.assertj.core.data.Offset.offset(1e-12));
    // a and c tie, and so do b and d (0.25 each): the one seen first (lexical list first) comes first
    assertThat(f.keySet()).containsExactly("a", "c", "b", "d");
  }

  @Test
  void aListAloneKeepsItsOwnOrder() {
    assertThat(Fusion.CONVEX.fuse(List.of(), new double[0], DENSE, DENSE_SCORES, 60, 0.0).keySet()).containsExactly("c", "d", "a");
    assertThat(Fusion.RRF.fuse(LEXICAL, LEXICAL_SCORES, List.of(), new double[0], 60, 1.0).keySet()).containsExactly("a", "b", "c");
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> Fusion.RRF.fuse(LEXICAL, new double[1], DENSE, DENSE_SCORES, 60, 0.5))
        .hasMessageContaining("one score per key");
    assertThatThrownBy(() -> Fusion.RRF.fuse(LEXICAL, LEXICAL_SCORES, DENSE, DENSE_SCORES, 0, 0.5)).hasMessageContaining("rrfK");
    assertThatThrownBy(() -> Fusion.RRF.fuse(LEXICAL, LEXICAL_SCORES, DENSE, DENSE_SCORES, 60, 1.5)).hasMessageContaining("denseWeight");
    assertThatThrownBy(() -> Fusion.parse("max")).hasMessageContaining("rrf, convex; got: max");
    assertThat(Fusion.parse(" Convex ")).isEqualTo(Fusion.CONVEX);
  }
}
