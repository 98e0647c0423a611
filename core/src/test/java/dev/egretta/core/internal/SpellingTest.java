package dev.egretta.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpellingTest {
  /** British → American pairs from each rule and the word list. */
  private static final Map<String, String> PAIRS = Map.ofEntries(
      Map.entry("organisation", "organization"), Map.entry("authorised", "authorized"),
      Map.entry("prioritising", "prioritizing"), Map.entry("categorisations", "categorizations"),
      Map.entry("analyse", "analyze"), Map.entry("paralysed", "paralyzed"),
      Map.entry("behaviour", "behavior"), Map.entry("behavioural", "behavioral"), Map.entry("unfavourable", "unfavorable"),
      Map.entry("labour", "labor"), Map.entry("colours", "colors"), Map.entry("honourable", "honorable"),
      Map.entry("travelled", "traveled"), Map.entry("labelling", "labeling"), Map.entry("counsellor", "counselor"),
      Map.entry("centre", "center"), Map.entry("programmes", "programs"), Map.entry("licence", "license"),
      Map.entry("defence", "defense"), Map.entry("catalogue", "catalog"), Map.entry("judgement", "judgment"),
      Map.entry("enrolment", "enrollment"), Map.entry("fulfil", "fulfill"),
      Map.entry("haemoglobin", "hemoglobin"), Map.entry("paediatric", "pediatric"), Map.entry("oestrogen", "estrogen"),
      Map.entry("anaesthesia", "anesthesia"), Map.entry("hypoglycaemia", "hypoglycemia"));

  @Test
  void eachBritishSpellingHasItsAmericanOneAndBack() {
    PAIRS.forEach((british, american) -> {
      assertThat(Spelling.american(british)).as(british).isEqualTo(american);
      assertThat(Spelling.british(american)).as(american).isEqualTo(british);
      assertThat(Spelling.american(american)).as("an American word stays").isEqualTo(american);
    });
  }

  @Test
  void wordsSpeltAlikeOrTooShortToTellAreLeftAlone() {
    for (String w : new String[] {"advise", "exercise", "otherwise", "enterprise", "surprise", "premises", "expertise",
        "supervised", "compromise", "disguise", "raise", "size", "seize", "rise", "analysis", "hour", "four", "tour",
        "honest", "colonel", "level", "control", "controlled", "installed", "hemisphere", "pedal", "basis"}) {
      assertThat(Spelling.american(w)).as(w).isEqualTo(w);
    }
    for (String w : new String[] {"size", "seize", "prize", "hour", "motor", "factor", "honest", "hemisphere", "pedestrian",
        "installed", "filled", "called"}) {
      assertThat(Spelling.british(w)).as(w).isEqualTo(w);
    }
  }

  @Test
  void otherSpellingsListsEachRespeltWordOnce() {
    assertThat(Spelling.otherSpellings("The Organisation's behaviour centre: behaviour, organization and the rules"))
        .containsExactly("organization", "behavior", "center", "organisation");
    assertThat(Spelling.otherSpellings("Backups run every night")).isEmpty();
  }
}
