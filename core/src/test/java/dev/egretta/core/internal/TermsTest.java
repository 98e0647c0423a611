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
}
