package dev.egretta.bedrock;

import static dev.egretta.bedrock.Fixtures.assistant;
import static dev.egretta.bedrock.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.Sender;
import dev.egretta.core.spi.ChatTurn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Converse accepts only user/assistant alternation that starts with the user. */
class BedrockPromptTest {
  @Test
  void dropsALeadingAssistantTurnAndATrailingUnansweredQuestion() {
    List<ChatTurn> shaped = BedrockPrompt.alternating(List.of(
        assistant("Welcome!"), user("What is an ISCP?"), assistant("A contingency plan [Source 1]."),
        user("and the BIA?")));

    assertThat(shaped).extracting(ChatTurn::sender).containsExactly(Sender.USER, Sender.ASSISTANT);
    assertThat(shaped.get(0).content()).isEqualTo("What is an ISCP?");
  }

  @Test
  void joinsConsecutiveTurnsOfOneSenderAndSkipsBlankOnes() {
    List<ChatTurn> shaped = BedrockPrompt.alternating(List.of(
        user("first"), user("  "), user("second"), assistant("answer one"), assistant("answer two")));

    assertThat(shaped).extracting(ChatTurn::content).containsExactly("first\n\nsecond", "answer one\n\nanswer two");
  }

  @Test
  void noHistoryStaysEmpty() {
    assertThat(BedrockPrompt.alternating(List.of())).isEmpty();
    assertThat(BedrockPrompt.alternating(List.of(user("unanswered")))).isEmpty();
  }
}
