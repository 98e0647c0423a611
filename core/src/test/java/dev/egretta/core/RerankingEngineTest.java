package dev.egretta.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.spi.RetrievedPassage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The reranking stage in a whole engine: it sees the deeper candidate list, and its order is the sources' order. */
class RerankingEngineTest {

  @Test
  void theRerankersOrderIsTheOrderOfTheSourcesAndScoresStillFall() {
    FixedRetriever retriever = FixedRetriever.library();
    List<Integer> seen = new CopyOnWriteArrayList<>();
    // Puts the training passage (page 7) first, whatever the retriever said.
    try (Engine engine = EgrettaEngine.builder().retriever(retriever).rerankDepth(30).reranker((q, candidates) -> {
      seen.add(candidates.size());
      List<RetrievedPassage> out = new ArrayList<>(candidates);
      out.sort(Comparator.comparing((RetrievedPassage p) -> p.startPage() != 7));
      return out;
    }).build()) {
      QueryResponse r = engine.query(ValidatedQuery.of("How often is the contingency plan training and review done?",
          "business-continuity", "us", Mode.COMPLIANCE), Organisation.LOCAL);

      assertThat(retriever.requests.getFirst().limit()).isEqualTo(30);
      assertThat(seen.getFirst()).isGreaterThan(1);
      assertThat(r.sources()).isNotEmpty();
      assertThat(r.sources().getFirst().pageNumber()).isEqualTo(7);
      for (int i = 1; i < r.sources().size(); i++) {
        assertThat(r.sources().get(i).score()).isLessThanOrEqualTo(r.sources().get(i - 1).score());
      }
    }
  }

  @Test
  void withoutARerankerTheRetrieverIsAskedForTheEnginesDepth() {
    FixedRetriever retriever = FixedRetriever.library();
    try (Engine engine = EgrettaEngine.builder().retriever(retriever).noReranker().build()) {
      engine.query(ValidatedQuery.of("Who approves the contingency plan?", "business-continuity", "us", Mode.COMPLIANCE),
          Organisation.LOCAL);
      assertThat(retriever.requests.getFirst().limit()).isEqualTo(10);
    }
  }
}
