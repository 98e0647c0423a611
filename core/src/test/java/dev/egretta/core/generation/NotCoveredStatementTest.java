package dev.egretta.core.generation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotCoveredStatementTest {

  @Test
  void theSentenceAndItsSmallVariationsAreRecognised() {
    assertThat(NotCoveredStatement.in(NotCoveredStatement.SENTENCE)).isTrue();
    assertThat(NotCoveredStatement.in("# Not covered\n\n**The provided passages don’t contain the answer.**")).isTrue();
    assertThat(NotCoveredStatement.in("the numbered  documents do not contain an answer to this question")).isTrue();
    assertThat(NotCoveredStatement.in("The retrieved passages do not state an answer to this question.")).isTrue();
    assertThat(GroundedPrompt.COMMON).contains(NotCoveredStatement.SENTENCE);
  }

  @Test
  void aPartialAnswerNamingWhatIsMissingIsNotTheStatement() {
    assertThat(NotCoveredStatement.in("The plan is tested annually [Source 1]. The passages do not specify who "
        + "attends the test.")).isFalse();
    assertThat(NotCoveredStatement.in("The passages contain the answer: logs are kept 90 days [Source 2].")).isFalse();
    assertThat(NotCoveredStatement.in("The policy does not contain any exception for contractors [Source 1].")).isFalse();
  }
}
