package dev.egretta.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.core.EgrettaException;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RerankingRetrieverTest {
  private static final SearchScope SCOPE = SearchScope.publicOnly("d", "us");

  private static RetrievedPassage passage(int i) {
    return new RetrievedPassage("c" + i, "file:///d" + i, "d" + i + ".pdf", 1, 1, "", "text " + i, false, 1.0 - i / 100.0, i, 0);
  }

  private static final List<RetrievedPassage> HITS = IntStream.range(0, 50).mapToObj(RerankingRetrieverTest::passage).toList();

  private final List<Integer> asked = new ArrayList<>();

  private List<RetrievedPassage> retrieve(RetrievalRequest r) {
    asked.add(r.limit());
    return HITS.subList(0, Math.min(r.limit(), HITS.size()));
  }

  @Test
  void reranksTheFirstDepthCandidatesAndCutsToTheLimitKeepingTheScoreScale() {
    RerankingRetriever r = new RerankingRetriever(this::retrieve, (q, c) -> {
      List<RetrievedPassage> out = new ArrayList<>(c);
      Collections.reverse(out);
      return out;
    }, 20);

    List<RetrievedPassage> hits = r.retrieve(new RetrievalRequest("q", SCOPE, 5));

    assertThat(asked).containsExactly(20);
    assertThat(hits).extracting(RetrievedPassage::chunkId).containsExactly("c19", "c18", "c17", "c16", "c15");
    assertThat(hits).extracting(RetrievedPassage::score).containsExactly(1.0, 0.99, 0.98, 0.97, 0.96);
    assertThat(hits.getFirst().text()).isEqualTo("text 19");
    assertThat(hits.getFirst().lexicalRank()).isEqualTo(19);
  }

  @Test
  void aLimitBeyondTheDepthKeepsTheRestInTheRetrieversOrder() {
    RerankingRetriever r = new RerankingRetriever(this::retrieve, (q, c) -> List.of(c.get(1), c.get(0)), 2);

    List<RetrievedPassage> hits = r.retrieve(new RetrievalRequest("q", SCOPE, 4));

    assertThat(asked).containsExactly(4);
    assertThat(hits).extracting(RetrievedPassage::chunkId).containsExactly("c1", "c0", "c2", "c3");
  }

  @Test
  void aRerankerThatDropsOrInventsPassagesIsAnError() {
    RerankingRetriever drops = new RerankingRetriever(this::retrieve, (q, c) -> c.subList(1, c.size()), 10);
    assertThatThrownBy(() -> drops.retrieve(new RetrievalRequest("q", SCOPE, 5)))
        .isInstanceOf(EgrettaException.class).hasMessageContaining("not a reordering of the 10 candidates");
    RerankingRetriever invents = new RerankingRetriever(this::retrieve, (q, c) -> List.of(passage(99)), 1 + 1);
    assertThatThrownBy(() -> invents.retrieve(new RetrievalRequest("q", SCOPE, 5))).isInstanceOf(EgrettaException.class);
  }

  @Test
  void depthIsChecked() {
    assertThatThrownBy(() -> new RerankingRetriever(this::retrieve, (q, c) -> c, 0)).hasMessageContaining("rerank depth");
    assertThatThrownBy(() -> new RerankingRetriever(this::retrieve, (q, c) -> c, 201)).hasMessageContaining("got 201");
  }
}
