package dev.egretta.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.spi.RetrievedPassage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AskedNounTest {

  private static RetrievedPassage passage(String id, String text, double score) {
    return new RetrievedPassage(id, "file:///" + id + ".pdf", id + ".pdf", 1, 1, "", text, false, score);
  }

  @Test
  void theAskedNounIsTheLastWordOfTheQuestionPhrase() {
    assertThat(AskedNoun.of("Which DAST tool is used to scan web applications?")).contains(new AskedNoun("tool", false));
    assertThat(AskedNoun.of("Which cloud provider hosts the alternate processing site?"))
        .contains(new AskedNoun("provider", false));   // "hosts the": a verb, not part of the phrase
    assertThat(AskedNoun.of("What is the maximum tolerable downtime for the email service?"))
        .contains(new AskedNoun("downtime", false));
    assertThat(AskedNoun.of("What kinds of exercises test the plan?")).contains(new AskedNoun("exercise", false));
    assertThat(AskedNoun.of("How many miles apart must the sites be?")).contains(new AskedNoun("mile", true));
    assertThat(AskedNoun.of("What is the minimum number of members on the team?")).contains(new AskedNoun("member", true));
    // no noun after the question word
    assertThat(AskedNoun.of("What must a person confirm before access is granted?")).isEqualTo(Optional.empty());
    assertThat(AskedNoun.of("How often are backups tested?")).isEqualTo(Optional.empty());
    assertThat(AskedNoun.of("Who approves the plan?")).isEqualTo(Optional.empty());
  }

  @Test
  void aCountedNounIsCountedByANumberNearBeforeIt() {
    AskedNoun tiers = AskedNoun.of("How many tiers down the supply chain must an assessment go?").orElseThrow();
    assertThat(tiers.countedIn("Assess suppliers down to three (3) tiers of the supply chain.")).isTrue();
    assertThat(tiers.countedIn("Going down further in the supply chain tier structure increases visibility.")).isFalse();
    assertThat(tiers.countedIn("1) Assess the tiers of the supply chain.")).isFalse();   // an enumerator, too far
  }

  @Test
  void featuresTellWhetherTheAskedNounIsMetAndCounted() {
    RetrievedPassage about = passage("cp", "Identify an alternate storage site that is sufficiently separated from the "
        + "primary storage site to reduce susceptibility to the same threats.", 0.7);
    String q = "How many miles apart must the primary and alternate storage sites be?";
    AnswerabilityFeatures f = AnswerabilityFeatures.of(EvidenceSelector.lexical().select(q, List.of(about)), List.of(about));
    assertThat(f.get("asked_noun_missing")).isEqualTo(1.0);
    assertThat(f.get("counted_value_absent")).isEqualTo(1.0);
    assertThat(f.get("asked_noun_in_typed_window")).isZero();

    RetrievedPassage answers = passage("cp2", "The alternate storage site must be at least 100 miles from the primary "
        + "storage site.", 0.7);
    AnswerabilityFeatures g = AnswerabilityFeatures.of(EvidenceSelector.lexical().select(q, List.of(answers)), List.of(answers));
    assertThat(g.get("asked_noun_missing")).isZero();
    assertThat(g.get("counted_value_absent")).isZero();
    assertThat(g.get("asked_noun_in_typed_window")).isEqualTo(1.0);

    // a question without an asked noun leaves all three at 0
    AnswerabilityFeatures h = AnswerabilityFeatures.of(
        EvidenceSelector.lexical().select("How often are backups tested?", List.of(about)), List.of(about));
    assertThat(h.get("asked_noun_missing") + h.get("counted_value_absent") + h.get("asked_noun_in_typed_window")).isZero();
  }
}
