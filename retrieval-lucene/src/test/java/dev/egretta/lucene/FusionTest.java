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
    // a and c tie (0.5, both first in a list), and so do b and d (0.25, both second): chunk id order
    assertThat(f.keySet()).containsExactly("a", "c", "b", "d");
  }

  @Test
  void exactTiesEndInKeyOrderWhateverOrderEachEngineGaveItsOwnTies() {
    // Two passages with the same BM25 score and the same vector score: Lucene lists them in index order,
    // another engine may not. Equal raw scores share a rank, so the fused order is the chunk id order.
    double[] bm25 = {7.0, 7.0, 1.0};
    double[] cosine = {0.9, 0.9, 0.1};
    for (Fusion f : Fusion.values()) {
      List<String> lucene = List.copyOf(f.fuse(List.of("zeta#0", "alpha#0", "c"), bm25, List.of("zeta#0", "alpha#0", "c"), cosine, 60, 0.5).keySet());
      List<String> other = List.copyOf(f.fuse(List.of("alpha#0", "zeta#0", "c"), bm25, List.of("zeta#0", "alpha#0", "c"), cosine, 60, 0.5).keySet());
      assertThat(lucene).as(f.name()).containsExactly("alpha#0", "zeta#0", "c");
      assertThat(other).as(f.name()).isEqualTo(lucene);
    }
  }

  @Test
  void equalFusedScoresGoToTheBetterSingleListRankBeforeTheKeyOrder() {
    // z: 0.5 * (1 - 0) / (4 - 0) from the BM25 list at rank 2; y: 0.5 * 0.25 from the vector list at rank 3
    Map<String, Double> f = Fusion.CONVEX.fuse(List.of("a", "z", "c"), new double[] {4, 1, 0},
        List.of("d", "e", "y", "g"), new double[] {1.0, 0.5, 0.25, 0.0}, 60, 0.5);
    assertThat(f.get("z")).isEqualTo(f.get("y"));
    assertThat(List.copyOf(f.keySet())).containsSubsequence("z", "y");
  }

  @Test
  void onAnEqualBestRankTheBm25ListWins() {
    // y is first in the vector list only, z first in the BM25 list only: equal RRF scores, equal best rank
    Map<String, Double> f = Fusion.RRF.fuse(List.of("z"), new double[] {3}, List.of("y"), new double[] {0.7}, 60, 0.5);
    assertThat(f.keySet()).containsExactly("z", "y");
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
