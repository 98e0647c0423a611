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
}
