package dev.egretta.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitationFilterTest {

  @Test
  void keepsValidReferencesAndDropsDanglingOnes() {
    assertThat(CitationFilter.repair("A [Source 1]. B [Source 7]. C [Source 2].", 2))
        .isEqualTo("A [Source 1]. B. C [Source 2].");
  }

  @Test
  void normalisesVariants() {
    assertThat(CitationFilter.repair("A [source 2] B [Sources 1, 3] C [Source 1 and Source 2] D [SOURCE 3]", 3))
        .isEqualTo("A [Source 2] B [Source 1] [Source 3] C [Source 1] [Source 2] D [Source 3]");
  }

  @Test
  void leavesOtherBracketsAlone() {
    String text = "See [the plan](http://x) and [1] and [Note: see annex] [Source 0].";
    assertThat(CitationFilter.repair(text, 1)).isEqualTo("See [the plan](http://x) and [1] and [Note: see annex].");
  }

  @Test
  void noSourcesMeansNoReferences() {
    assertThat(CitationFilter.repair("Nothing [Source 1] here.", 0)).isEqualTo("Nothing here.");
  }

  @Test
  void streamingSplitsAnywhereGiveTheSameText() {
    String text = "# T\n\nThe CIO approves [Source 1]; reviews [Source 9] are yearly [Sources 2,9].\nEnd [x";
    String whole = CitationFilter.repair(text, 2);
    for (int size = 1; size <= 7; size++) {
      CitationFilter f = new CitationFilter(2);
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < text.length(); i += size) {
        out.append(f.accept(text.substring(i, Math.min(text.length(), i + size))));
      }
      out.append(f.finish());
      assertThat(out.toString()).as("fragments of %d characters", size).isEqualTo(whole);
    }
    assertThat(whole).isEqualTo("# T\n\nThe CIO approves [Source 1]; reviews are yearly [Source 2].\nEnd [x");
  }

  @Test
  void holdsBackOnlyAPossibleReference() {
    CitationFilter f = new CitationFilter(3);
    assertThat(f.accept("Text [Sour")).isEqualTo("Text");
    assertThat(f.accept("ce 2] more")).isEqualTo(" [Source 2] more");
    assertThat(f.finish()).isEmpty();
  }

  @Test
  void citedListsValidNumbersInOrder() {
    assertThat(CitationFilter.cited("a [Source 2] b [Source 1] c [Source 2]")).isEqualTo(List.of(2, 1));
  }
}
