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

  /** Each pair: a question as typed, and as {@link Terms#plainQuestion} reads it. */
  private static void assertPlain(String[][] typedAndPlain) {
    for (String[] pair : typedAndPlain) {
      assertThat(Terms.plainQuestion(pair[0])).as(pair[0]).isEqualTo(pair[1]);
    }
  }

  @Test
  void whereToLookIsNotPartOfTheQuestionWhenItNamesTheDocumentsOnlyByKind() {
    // "documents" and "policy" were focus terms that the sentence answering never mentions: an answerable
    // question asked "according to the documents" was refused
    assertPlain(new String[][] {
        {"According to the documents, how often are audit records reviewed?", "how often are audit records reviewed?"},
        {"How often are audit records reviewed according to the policy?", "How often are audit records reviewed?"},
        {"Can you tell me, based on the provided documents, who approves the plan?", "who approves the plan?"},
        {"Who signs it under this policy", "Who signs it?"},
        // a named document is part of the question
        {"According to the incident response plan, who is notified?", "According to the incident response plan, who is notified?"},
        {"Which events are recorded in the audit policy?", "Which events are recorded in the audit policy?"},
        // the documents as the subject stay
        {"According to the documents", "According to the documents"}});
  }

  @Test
  void aDirectQuestionTypedWithoutAQuestionMarkGetsOne() {
    assertPlain(new String[][] {
        {"how often are backups tested", "how often are backups tested?"},
        {"Is MFA required for remote access", "Is MFA required for remote access?"},
        {"Within how many hours must CISA be told", "Within how many hours must CISA be told?"},
        {"On high systems, how often are backups tested", "On high systems, how often are backups tested?"},
        // keywords and statements are left as typed
        {"backup testing frequency", "backup testing frequency"},
        {"Explain the backup policy.", "the backup policy."}});
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
