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
  void evidenceThatRunsAcrossAPageBreakCitesThePageItStartsOn() {
    // a footnote at the foot of page 6 runs into page 7's header; the passage is mostly page 7, and the
    // evidence sentence (whitespace collapsed) is not verbatim in the raw text
    String page6 = "It reports every quarter.\n\n2\n\nCyberscope is the current tool used to report Agency\n"
        + "information security status\n";
    String page7 = "Directive No: CIO-2150.3-P-19.2\n\nFISMA and related information security directives. Its "
        + "reports go to the \"Chief Infor-\nmation Officer\" every month without exception.";
    RetrievedPassage p = new RetrievedPassage("c#2", "file:lib/r.pdf", "r.pdf", 6, 7, "", page6 + page7, false, 0.6, 1, 1,
        List.of(0, page6.length()));
    String evidence = dev.egretta.core.internal.Terms.sentences(p.text()).stream()
        .filter(x -> x.contains("Cyberscope")).findFirst().orElseThrow();
    assertThat(p.text()).doesNotContain(evidence);
    assertThat(QueryPipeline.citedPage(p, Optional.of(evidence))).isEqualTo(6);
    String quoted = dev.egretta.core.internal.Terms.sentences(p.text()).stream()
        .filter(x -> x.contains("Officer")).findFirst().orElseThrow();
    assertThat(quoted).contains("'Chief Information Officer'");
    assertThat(QueryPipeline.citedPage(p, Optional.of(quoted))).isEqualTo(7);
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
