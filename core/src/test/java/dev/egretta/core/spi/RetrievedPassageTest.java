package dev.egretta.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievedPassageTest {
  private static final String TEXT = "Tail of page four. Page five says records are kept for seven years and then destroyed.";

  private static RetrievedPassage spanning(List<Integer> starts) {
    return new RetrievedPassage("c#1", "file:a/p.pdf", "p.pdf", 4, 5, "", TEXT, false, 0.5, 1, 1, starts);
  }

  @Test
  void knowsThePageOfAnOffsetAndThePageHoldingMostOfTheText() {
    int page5 = TEXT.indexOf("Page five");
    RetrievedPassage p = spanning(List.of(0, page5));
    assertThat(p.pageAt(0)).isEqualTo(4);
    assertThat(p.pageAt(page5 - 1)).isEqualTo(4);
    assertThat(p.pageAt(TEXT.indexOf("seven"))).isEqualTo(5);
    assertThat(p.mainPage()).isEqualTo(5);
    assertThat(p.withRanks(2, 3).pageStarts()).isEqualTo(List.of(0, page5));
    assertThat(p.withScore(0.9)).isEqualTo(new RetrievedPassage("c#1", "file:a/p.pdf", "p.pdf", 4, 5, "", TEXT, false,
        0.9, 1, 1, List.of(0, page5)));
  }

  @Test
  void withoutPageStartsTheStartPageIsCited() {
    RetrievedPassage p = spanning(List.of());
    assertThat(p.pageAt(TEXT.length() - 1)).isEqualTo(4);
    assertThat(p.mainPage()).isEqualTo(4);
  }

  @Test
  void rejectsPageStartsThatDoNotMatchThePages() {
    assertThatThrownBy(() -> spanning(List.of(0))).hasMessageContaining("pageStarts");
    assertThatThrownBy(() -> spanning(List.of(3, 10))).hasMessageContaining("pageStarts");
    assertThatThrownBy(() -> spanning(List.of(0, TEXT.length() + 1))).hasMessageContaining("pageStarts");
  }
}
