package dev.egretta.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.Mode;
import org.junit.jupiter.api.Test;

/** How the model's replies are read: anything unusable is empty, so the caller falls back. */
class ModelRepliesTest {

  @Test
  void aRoutingReplyCountsOnlyWhenItNamesExactlyOneMode() {
    assertThat(ModelModeRouter.parse("advisory")).contains(Mode.ADVISORY);
    assertThat(ModelModeRouter.parse("  Compliance.\n")).contains(Mode.COMPLIANCE);
    assertThat(ModelModeRouter.parse("compliance or advisory")).isEmpty();
    assertThat(ModelModeRouter.parse("I cannot tell.")).isEmpty();
  }

  @Test
  void followUpsAreReadFromTheJsonObjectInAReplyAndFiltered() {
    var written = ModelFollowUps.parse("Sure!\n```json\n{\"title\": \"BCM\", \"suggestions\": [\"What is  an RTO?\", "
        + "\"short?\", 42, \"No question mark here\", \"" + "Why ".repeat(80) + "?\"]}\n```", true).orElseThrow();
    assertThat(written.candidates()).containsExactly("What is an RTO?");
    assertThat(written.title()).contains("BCM");
    assertThat(written.answerable()).isTrue();
    assertThat(ModelFollowUps.parse("{\"title\": \"BCM\", \"suggestions\": []}", false).orElseThrow().title()).isEmpty();
    assertThat(ModelFollowUps.parse("no json at all", true)).isEmpty();
    assertThat(ModelFollowUps.parse("{not: json}", true)).isEmpty();
  }

  @Test
  void titlesAreCleanedAndCutAtAWordToSixtyCharacters() {
    assertThat(ModelFollowUps.title("\"Recovery time objectives.\"")).contains("Recovery time objectives");
    assertThat(ModelFollowUps.title("## **RTO\u202e rules**")).contains("RTO rules");
    String cut = ModelFollowUps.title("Business continuity management lifecycle and the board's role in "
        + "overseeing it").orElseThrow();
    assertThat(cut).hasSizeLessThanOrEqualTo(60).isEqualTo("Business continuity management lifecycle and the board's");
    assertThat(ModelFollowUps.title("x".repeat(90)).orElseThrow()).hasSize(60);
    assertThat(ModelFollowUps.title(" \"\" ")).isEmpty();
  }
}
