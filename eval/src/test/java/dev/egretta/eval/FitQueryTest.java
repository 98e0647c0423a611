package dev.egretta.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.spi.RetrievedPassage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FitQueryTest {

  private static RetrievedPassage chunk(String id, String file, int startPage, int endPage) {
    return new RetrievedPassage(id, "file:/corpus/" + file, file, startPage, endPage, "", "text of " + id, false, 0.5);
  }

  private static FitQuery judged(String set, Map<String, Integer> qrels) {
    return new FitQuery(set, "question", qrels, List.of(), new double[0], List.of(), List.of());
  }

  @Test
  void aPdfQuestionIsJudgedByThePagesItsChunksCover() {
    FitQuery q = judged(FitQuery.PDF_SET, Map.of(FitQuery.pageKey("policy.pdf", 4), 1));
    // the first chunk runs over pages 3-4, so it covers the judged page
    assertThat(q.metrics(List.of(chunk("a", "policy.pdf", 3, 4), chunk("b", "other.pdf", 4, 4)))[0]).isEqualTo(1.0);
    // the same page number of another file is not it
    double[] missed = q.metrics(List.of(chunk("b", "other.pdf", 4, 4), chunk("c", "policy.pdf", 2, 2)));
    assertThat(missed[0]).isZero();
    assertThat(missed[2]).as("recall@100").isZero();
  }

  @Test
  void aBeirQueryIsJudgedByDocument() {
    FitQuery q = judged("scifact-train", Map.of("d2", 1));
    RetrievedPassage first = new RetrievedPassage("d1#0", "beir:scifact/d1", "d1", 1, 1, "", "x", false, 0.5);
    RetrievedPassage second = new RetrievedPassage("d2#1", "beir:scifact/d2", "d2", 1, 1, "", "y", false, 0.4);
    assertThat(q.metrics(List.of(first, second))[3]).as("mrr@10").isEqualTo(0.5);
  }
}
