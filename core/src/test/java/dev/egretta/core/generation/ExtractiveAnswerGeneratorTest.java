package dev.egretta.core.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.Mode;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.egretta.core.spi.GenerationRequest;
import dev.egretta.core.spi.NumberedPassage;
import dev.egretta.core.spi.RetrievedPassage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveAnswerGeneratorTest {

  @Test
  void headingIsTheSubjectOfADefinitionQuestionOrTheQuestionItself() {
    assertThat(ExtractiveAnswerGenerator.heading("What is due diligence in C-SCRM?")).isEqualTo("Due diligence in C-SCRM");
    assertThat(ExtractiveAnswerGenerator.heading("how soon must training be given?")).isEqualTo("How soon must training be given");
  }

  @Test
  void quotesOnlyTheBestSentencesEachCitedAndCountsTokens() {
    RetrievedPassage p = new RetrievedPassage("c", "u", "f.pdf", 3, 3, "",
        "Training is given within thirty days of taking a contingency role. The cafeteria opens at noon. "
            + "Refresher contingency training happens every year for all staff.", false, 0.8);
    GenerationRequest r = new GenerationRequest("When is contingency training given?", "When is contingency training given?",
        Mode.COMPLIANCE, List.of(new NumberedPassage(1, p)), List.of(), ExtractiveAnswerGenerator.MODEL);
    GeneratedAnswer a = new ExtractiveAnswerGenerator(text -> text.split(" ").length).generate(r);
    assertThat(a.markdown()).startsWith("# When is contingency training given\n")
        .contains("\"Refresher contingency training happens every year for all staff.\" [Source 1]")
        .doesNotContain("cafeteria");
    assertThat(a.usage().outputTokens()).isEqualTo(a.markdown().split(" ").length);
  }
}
