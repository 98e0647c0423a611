package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoilerplateRemoverTest {
  @Test
  void removesRunningHeadersFootersAndPageNumbers() {
    List<String> pages = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      pages.add("EPA Information Security Procedure\nBody text number " + i + " talks about topic " + (char) ('a' + i)
          + ".\nMore body on page " + (char) ('a' + i) + ".\nPage " + i + " of 6");
    }
    List<String> cleaned = BoilerplateRemover.clean(pages);
    assertThat(cleaned).hasSize(6).allSatisfy(p -> {
      assertThat(p).doesNotContain("EPA Information Security Procedure").doesNotContain("of 6");
      assertThat(p).contains("Body text number").contains("More body on page");
    });
  }

  @Test
  void neverEmptiesADocumentWhoseOnlyTextRepeats() {
    List<String> pages = List.of("This is page 1", "This is page 2", "This is page 3", "This is page 4");
    assertThat(BoilerplateRemover.clean(pages)).containsExactlyElementsOf(pages);
  }

  @Test
  void keepsTextThatDoesNotRepeat() {
    List<String> pages = List.of("Introduction\nFirst page text.", "Scope\nSecond page text.", "Duties\nThird page text.");
    assertThat(BoilerplateRemover.clean(pages)).containsExactlyElementsOf(pages);
  }
}
