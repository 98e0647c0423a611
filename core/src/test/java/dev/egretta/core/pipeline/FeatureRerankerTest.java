package dev.egretta.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.core.spi.RetrievedPassage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureRerankerTest {

  private static RetrievedPassage passage(String id, String heading, String text, int lexicalRank, int vectorRank) {
    return new RetrievedPassage(id, "file:///" + id, id + ".pdf", 1, 1, heading, text, false, 0.5, lexicalRank, vectorRank);
  }

  private final List<RetrievedPassage> candidates = List.of(
      passage("a", "", "Backups are taken every night and kept offsite.", 1, 0),
      passage("b", "Encryption of backups", "Backup media must be encrypted with keys held by the custodian.", 2, 1),
      passage("c", "", "Staff training happens every year.", 0, 2));

  @Test
  void featuresWeighRareQuestionTermsAndRanks() {
    double[][] x = FeatureReranker.features("Must backup media be encrypted?", candidates);

    int coverage = FeatureReranker.FEATURES.indexOf("focus_coverage");
    int heading = FeatureReranker.FEATURES.indexOf("heading_coverage");
    int both = FeatureReranker.FEATURES.indexOf("both_lists");
    assertThat(x[1][coverage]).isGreaterThan(x[0][coverage]).isGreaterThan(x[2][coverage]);
    assertThat(x[2][coverage]).isZero();
    assertThat(x[1][heading]).isPositive();
    assertThat(x[0][heading]).isZero();
    assertThat(x[0][0]).isEqualTo(10.0 / 11);   // lexical rank 1
    assertThat(x[0][1]).isZero();               // not in the vector list
    assertThat(x[1][both]).isEqualTo(1.0);
    assertThat(x[0][both]).isZero();
  }

  @Test
  void theWeightsDecideTheOrder() {
    double[] byPosition = new double[FeatureReranker.FEATURES.size()];
    byPosition[FeatureReranker.FEATURES.indexOf("fused_position")] = 1;
    double[] byCoverage = new double[FeatureReranker.FEATURES.size()];
    byCoverage[FeatureReranker.FEATURES.indexOf("focus_coverage")] = 1;

    assertThat(new FeatureReranker(byPosition).rerank("Must backup media be encrypted?", candidates))
        .extracting(RetrievedPassage::chunkId).containsExactly("a", "b", "c");
    assertThat(new FeatureReranker(byCoverage).rerank("Must backup media be encrypted?", candidates))
        .extracting(RetrievedPassage::chunkId).containsExactly("b", "a", "c");
  }

  @Test
  void badWeightsAreRejected() {
    assertThatThrownBy(() -> new FeatureReranker(new double[2])).hasMessageContaining("weights need 6 values");
    double[] nan = new double[FeatureReranker.FEATURES.size()];
    nan[0] = Double.NaN;
    assertThatThrownBy(() -> new FeatureReranker(nan)).hasMessageContaining("finite");
  }

  @Test
  void theFittedSettingsAreReadAndCheckedWithTheBadValueNamed() throws Exception {
    FittedRelevance f = FittedRelevance.defaults();
    assertThat(f.rerankWeights()).hasSize(FeatureReranker.FEATURES.size());
    assertThat(f.fusion()).isIn("rrf", "convex");
    assertThat(FeatureReranker.fitted().rerank("backup", candidates)).hasSize(3);

    String bad = """
        {"bm25": {"k1": 0.9, "b": 1.5}, "fusion": {"method": "rrf", "rrf_k": 60, "dense_weight": 0.5},
         "rerank": {"default": false, "depth": 40, "weights": [0, 0, 1, 0, 0, 0]}}""";
    assertThatThrownBy(() -> FittedRelevance.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("bm25 b must be in [0, 1]; got 1.5");
    String proximity = """
        {"bm25": {"k1": 0.9, "b": 0.4, "proximity": -1}, "fusion": {"method": "rrf", "rrf_k": 60, "dense_weight": 0.5},
         "rerank": {"default": false, "depth": 40, "weights": [0, 0, 1, 0, 0, 0]}}""";
    assertThatThrownBy(() -> FittedRelevance.read(new ByteArrayInputStream(proximity.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("bm25 proximity must be in [0, 10]; got -1.0");
    String bagOfWords = proximity.replace(", \"proximity\": -1", "");
    assertThat(FittedRelevance.read(new ByteArrayInputStream(bagOfWords.getBytes(StandardCharsets.UTF_8))).bm25Proximity())
        .as("a file from before proximity clauses").isZero();
    String slopped = proximity.replace("\"proximity\": -1", "\"proximity\": 0.3, \"proximity_slop\": 6");
    assertThat(FittedRelevance.read(new ByteArrayInputStream(slopped.getBytes(StandardCharsets.UTF_8))).bm25ProximitySlop()).isEqualTo(6);
    String unslopped = proximity.replace("\"proximity\": -1", "\"proximity\": 0.3");
    assertThat(FittedRelevance.read(new ByteArrayInputStream(unslopped.getBytes(StandardCharsets.UTF_8))).bm25ProximitySlop())
        .as("a file from before the slop was fitted").isEqualTo(FittedRelevance.DEFAULT_PROXIMITY_SLOP);
    String tooFar = proximity.replace("\"proximity\": -1", "\"proximity\": 0.3, \"proximity_slop\": 40");
    assertThatThrownBy(() -> FittedRelevance.read(new ByteArrayInputStream(tooFar.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("bm25 proximity_slop must be in 0..16; got 40");
    String missing = """
        {"bm25": {"k1": 0.9, "b": 0.4}, "fusion": {"method": "rrf", "rrf_k": 60, "dense_weight": 0.5}}""";
    assertThatThrownBy(() -> FittedRelevance.read(new ByteArrayInputStream(missing.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("'rerank'");
  }
}
