package dev.egretta.bedrock;

import dev.egretta.api.Sender;
import dev.egretta.core.generation.GroundedPrompt;
import dev.egretta.core.spi.ChatTurn;
import dev.egretta.core.spi.GenerationRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Egretta's {@link GroundedPrompt}, with the history shaped the way Converse requires: turns strictly
 * alternate and start with the user (consecutive turns of one sender are joined, a leading assistant
 * turn and a trailing unanswered user turn are dropped), so that the final user message follows an
 * assistant turn. Bedrock rejects any other shape with a ValidationException.
 */
final class BedrockPrompt {
  private BedrockPrompt() {}

  static GroundedPrompt of(GenerationRequest request) {
    GroundedPrompt prompt = GroundedPrompt.of(request);
    return new GroundedPrompt(prompt.system(), alternating(prompt.history()), prompt.user());
  }

  static List<ChatTurn> alternating(List<ChatTurn> turns) {
    List<ChatTurn> out = new ArrayList<>();
    for (ChatTurn turn : turns) {
      if (turn.content().isBlank() || (out.isEmpty() && turn.sender() == Sender.ASSISTANT)) {
        continue;
      }
      ChatTurn last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.sender() == turn.sender()) {
        out.set(out.size() - 1, new ChatTurn(turn.sender(), last.content() + "\n\n" + turn.content()));
      } else {
        out.add(turn);
      }
    }
    if (!out.isEmpty() && out.get(out.size() - 1).sender() == Sender.USER) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
