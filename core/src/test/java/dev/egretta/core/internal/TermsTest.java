package dev.egretta.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TermsTest {
  @Test
  void aPossessiveStemsLikeItsNoun() {
    // "agency's" once stemmed to "agency'", which no passage's "Agency" matched: the question's focus
    // then counted its own subject as missing from every passage
    assertThat(Terms.stem("agency's")).isEqualTo(Terms.stem("agency")).isEqualTo("agency");
    assertThat(Terms.stem("officer’s")).isEqualTo(Terms.stem("officers")).isEqualTo("officer");
    assertThat(Terms.stem("policies")).isEqualTo("policy");
    assertThat(Terms.stem("process")).isEqualTo("process");
  }

  @Test
  void wordsKeepContractionsWhole() {
    assertThat(Terms.words("The Agency's rules don't apply")).containsExactly("the", "agency's", "rules", "don't", "apply");
  }

  @Test
  void aBritishSpellingStemsLikeTheAmericanOne() {
    // a question written in British English met an American policy's focus terms as missing
    assertThat(Terms.contentTerms("Which organisation authorises the data centre's programme, whilst it analyses behaviour?"))
        .isEqualTo(Terms.contentTerms("Which organization authorizes the data center's program, while it analyzes behavior?"));
    assertThat(Terms.stem("acknowledgements")).isEqualTo(Terms.stem("acknowledgments"));
  }

  @Test
  void contractionsAreWrittenOutAndCarryNoContent() {
    assertThat(Terms.expandContractions("What's the maximum number of days? Who's notified, and why don't they're told?"))
        .isEqualTo("What is the maximum number of days? Who is notified, and why do not they are told?");
    assertThat(Terms.expandContractions("Can't it wait? It won't, and they'll say so; I'd ask.")).isEqualTo(
        "Can not it wait? It will not, and they will say so; I would ask.");
    assertThat(Terms.expandContractions("The agency's plan")).isEqualTo("The agency's plan");
    for (String w : new String[] {"what's", "don't", "they'll", "isn't", "it’s"}) {
      assertThat(Terms.isContent(w)).as(w).isFalse();
    }
    assertThat(Terms.isContent("agency's")).isTrue();
  }

  @Test
  void whereToLookIsNotPartOfTheQuestionWhenItNamesTheDocumentsOnlyByKind() {
    // "documents" and "policy" were focus terms that the sentence answering never mentions: an answerable
    // question asked "according to the documents" was refused
    assertThat(Terms.plainQuestion("According to the documents, how often are audit records reviewed?"))
        .isEqualTo("how often are audit records reviewed?");
    assertThat(Terms.plainQuestion("How often are audit records reviewed according to the policy?"))
        .isEqualTo("How often are audit records reviewed?");
    assertThat(Terms.plainQuestion("Can you tell me, based on the provided documents, who approves the plan?"))
        .isEqualTo("who approves the plan?");
    assertThat(Terms.plainQuestion("Who signs it under this policy"))
        .isEqualTo("Who signs it?");
    // a named document is part of the question
    assertThat(Terms.plainQuestion("According to the incident response plan, who is notified?"))
        .isEqualTo("According to the incident response plan, who is notified?");
    assertThat(Terms.plainQuestion("Which events are recorded in the audit policy?"))
        .isEqualTo("Which events are recorded in the audit policy?");
    // the documents as the subject stay
    assertThat(Terms.plainQuestion("According to the documents")).isEqualTo("According to the documents");
  }

  @Test
  void aDirectQuestionTypedWithoutAQuestionMarkGetsOne() {
    assertThat(Terms.plainQuestion("how often are backups tested")).isEqualTo("how often are backups tested?");
    assertThat(Terms.plainQuestion("Is MFA required for remote access")).isEqualTo("Is MFA required for remote access?");
    assertThat(Terms.plainQuestion("Within how many hours must CISA be told")).isEqualTo("Within how many hours must CISA be told?");
    assertThat(Terms.plainQuestion("On high systems, how often are backups tested")).endsWith("tested?");
    // keywords and statements are left as typed
    assertThat(Terms.plainQuestion("backup testing frequency")).isEqualTo("backup testing frequency");
    assertThat(Terms.plainQuestion("Explain the backup policy.")).isEqualTo("the backup policy.");
  }

  @Test
  void theAskingSentencesAreTheQuestionsTyped() {
    assertThat(Terms.askingSentences("We are a cloud provider. How often must we report? Thanks."))
        .containsExactly("How often must we report?");
    assertThat(Terms.askingSentences("What is required? Is there a deadline?"))
        .containsExactly("What is required?", "Is there a deadline?");
    assertThat(Terms.askingSentences("We host a system in the U.S. and e.g. back it up. List the backup sites"))
        .containsExactly("List the backup sites");
    assertThat(Terms.questionSentences("Does NIST SP 800-53 Rev. 5 require it?")).hasSize(1);
    assertThat(Terms.askingSentences("  Who approves the plan?  ")).containsExactly("Who approves the plan?");
  }
}
