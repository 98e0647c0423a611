package dev.egretta.eval.answerability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  @Test
  void aNumberOptionOutsideItsRangeIsNamedWithTheRangeAndTheValue() {
    assertThat(CommandLine.intOption(Map.of(), "embedded", 2, 100)).isEqualTo(2);
    assertThat(CommandLine.intOption(Map.of("embedded", "5"), "embedded", 2, 100)).isEqualTo(5);
    assertThatThrownBy(() -> CommandLine.intOption(Map.of("embedded", "500"), "embedded", 2, 100))
        .hasMessage("--embedded must be a whole number 0..100; got '500'");
    assertThatThrownBy(() -> CommandLine.intOption(Map.of("embedded", "two"), "embedded", 2, 100))
        .hasMessage("--embedded must be a whole number 0..100; got 'two'");
    assertThatThrownBy(() -> CommandLine.intOption(Map.of("top", "-1"), "top", 3, Integer.MAX_VALUE))
        .hasMessage("--top must be a whole number >= 0; got '-1'");
  }
}
