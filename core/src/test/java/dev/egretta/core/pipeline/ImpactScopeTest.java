package dev.egretta.core.pipeline;

import static dev.egretta.core.pipeline.ImpactScope.HIGH;
import static dev.egretta.core.pipeline.ImpactScope.LOW;
import static dev.egretta.core.pipeline.ImpactScope.MODERATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImpactScopeTest {

  @Test
  void aQuestionNamesTheImpactLevelsOfTheSystemsItAsksAbout() {
    assertThat(ImpactScope.asked("How often must backups be tested on low-impact systems?")).containsExactly(LOW);
    assertThat(ImpactScope.asked("On a high system, how quickly must logging change?")).containsExactly(HIGH);
    assertThat(ImpactScope.asked("Who assesses controls for moderate and high systems?")).containsExactly(MODERATE, HIGH);
    assertThat(ImpactScope.asked("What is the RTO of a moderate impact information system?")).containsExactly(MODERATE);
    // other senses of the words are no impact level
    assertThat(ImpactScope.asked("How many days does a provider have to fix high-risk findings?")).isEmpty();
    assertThat(ImpactScope.asked("Which web applications of a high value asset are scanned?")).isEmpty();
    assertThat(ImpactScope.asked("How often are systems scanned?")).isEmpty();
  }

  @Test
  void aSentenceBelongsToTheScopeHeaderOfItsControlUntilTheNextControlBegins() {
    List<String> sentences = List.of(
        "CP-9 – System Backup For All Systems: 1) Conduct backups of user-level information daily.",
        "CP-9(1) – System Backup | Testing for Reliability For Moderate and High Systems: 1) Test backup information.",
        "The test shows media reliability.",
        "CP-9(2) – System Backup | Test Restoration For High Systems:",
        "1) Use a sample of backup information in the restoration of selected functions.",
        "CP-10 – System Recovery and Reconstitution 1) Provide for the recovery of the system.");
    List<Set<ImpactScope>> scopes = ImpactScope.ofSentences(sentences);
    assertThat(scopes.get(0)).isEmpty(); // "All" excludes nothing
    assertThat(scopes.get(1)).containsExactly(MODERATE, HIGH);
    assertThat(scopes.get(2)).containsExactly(MODERATE, HIGH);
    assertThat(scopes.get(3)).containsExactly(HIGH);
    assertThat(scopes.get(4)).containsExactly(HIGH);
    assertThat(scopes.get(5)).as("a control whose header is not in the text has no known scope").isEmpty();
  }

  @Test
  void onlyARequirementScopedToOtherLevelsExcludesTheQuestion() {
    assertThat(ImpactScope.excludes(Set.of(MODERATE, HIGH), Set.of(LOW))).isTrue();
    assertThat(ImpactScope.excludes(Set.of(HIGH), Set.of(MODERATE, HIGH))).isFalse();
    assertThat(ImpactScope.excludes(Set.of(), Set.of(LOW))).isFalse();
    assertThat(ImpactScope.excludes(Set.of(HIGH), Set.of())).isFalse();
  }
}
