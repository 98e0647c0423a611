package dev.egretta.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.spi.RetrievedPassage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CitedPageTest {
  private static final String TEXT = "Annex B lists the forms. Records of every incident are kept for seven years. "
      + "They are destroyed after review by the records officer, who signs the destruction log.";
  private static final int PAGE_8 = TEXT.indexOf("Records");
  private static final int PAGE_9 = TEXT.indexOf("They are");

  private static RetrievedPassage spanning() {
    return new RetrievedPassage("c#4", "file:lib/r.pdf", "r.pdf", 7, 9, "", TEXT, false, 0.6, 1, 2,
        List.of(0, PAGE_8, PAGE_9));
  }

  @Test
  void aSourceCitesThePageItsEvidenceIsOn() {
    assertThat(QueryPipeline.citedPage(spanning(), Optional.of("Records of every incident are kept for seven years.")))
        .isEqualTo(8);
  }

  @Test
  void withoutEvidenceTheSourceCitesThePageHoldingMostOfThePassage() {
    assertThat(QueryPipeline.citedPage(spanning(), Optional.empty())).isEqualTo(9);
    assertThat(QueryPipeline.citedPage(spanning(), Optional.of("a sentence the passage does not hold"))).isEqualTo(9);
  }

  @Test
  void formatsWithoutPagesCiteNoPage() {
    RetrievedPassage unpaged = new RetrievedPassage("c#1", "file:lib/r.docx", "r.docx", 0, 0, "", TEXT, false, 0.6);
    assertThat(QueryPipeline.citedPage(unpaged, Optional.empty())).isNull();
  }
}
