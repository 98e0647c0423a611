package dev.egretta.eval.answerability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineOrderTest {

  @Test
  void theJudgeSeesTheEnginesFirstTenWithTheFusedListsPositionScores() {
    List<RetrievedPassage> hits = new ArrayList<>();
    for (int i = 0; i < EngineOrder.FETCH; i++) {
      hits.add(new RetrievedPassage("c" + i, "file:///d" + i + ".pdf", "d" + i + ".pdf", 1, 1, "",
          "Passage " + i + " about audit log retention and review " + (i % 3 == 0 ? "annually." : "weekly."), false,
          1.0 - i / 100.0, i + 1, EngineOrder.FETCH - i));
    }
    List<RetrievedPassage> out = EngineOrder.of("How often are audit logs reviewed?", SearchScope.publicOnly("d", "c"), hits);
    assertThat(out).hasSize(GoldRemovalCases.ENGINE_DEPTH);
    assertThat(hits.stream().map(RetrievedPassage::chunkId).toList())
        .containsAll(out.stream().map(RetrievedPassage::chunkId).toList());
    // reranked or not, position i keeps the i-th fused score, as the engine's RerankingRetriever does
    assertThat(out.stream().map(RetrievedPassage::score).toList())
        .isEqualTo(hits.stream().limit(GoldRemovalCases.ENGINE_DEPTH).map(RetrievedPassage::score).toList());
    if (!EngineOrder.reranks()) {
      assertThat(out).isEqualTo(hits.subList(0, GoldRemovalCases.ENGINE_DEPTH));
    }
  }
}
