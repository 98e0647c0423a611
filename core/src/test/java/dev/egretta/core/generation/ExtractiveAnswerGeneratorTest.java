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
    assertThat(ExtractiveAnswerGenerator.heading("And for online banking?")).isEqualTo("For online banking");
    assertThat(ExtractiveAnswerGenerator.heading("Also, who approves it?")).isEqualTo("Also, who approves it");
  }

  private static final RetrievedPassage RECOVERY_TIMES = new RetrievedPassage("c", "u", "bcp.pdf", 2, 2, "",
      "Payment processing, including wire transfers and ACH, has a recovery time objective of 4 hours. "
          + "Online and mobile banking has a recovery time objective of 8 hours and a recovery point objective of 1 hour.",
      false, 0.8);

  private static String answer(String question, String standalone) {
    GenerationRequest r = new GenerationRequest(question, standalone, Mode.COMPLIANCE,
        List.of(new NumberedPassage(1, RECOVERY_TIMES)), List.of(), ExtractiveAnswerGenerator.MODEL);
    return new ExtractiveAnswerGenerator(text -> 1).generate(r).markdown();
  }

  @Test
  void aFollowUpQuotesWhatItAsksNowNotTheTopicItContinues() {
    String context = " (context: What is the recovery time objective for payment processing?)";
    assertThat(answer("And for online banking?", "And for online banking?" + context))
        .startsWith("# For online banking\n")
        .contains("\"Online and mobile banking has a recovery time objective of 8 hours")
        .doesNotContain("Payment processing");
    // a follow-up with no words of its own in the passages is answered from the topic it continues
    assertThat(answer("And what about that?", "And what about that?" + context)).contains("Payment processing");
    // the topic question itself still quotes both sentences it matches
    assertThat(answer("What is the recovery time objective for payment processing?",
        "What is the recovery time objective for payment processing?")).contains("Payment processing");
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
