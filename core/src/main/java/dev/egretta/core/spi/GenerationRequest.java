package dev.egretta.core.spi;

import dev.egretta.api.Mode;
import java.util.List;
import java.util.Objects;

/**
 * Everything a generator may use for one answer. The passages are data, never instructions.
 *
 * @param question the user's question as asked
 * @param standaloneQuestion the question rewritten with the session history (equal to it when there is none)
 * @param mode {@link Mode#COMPLIANCE} or {@link Mode#ADVISORY} (never {@code AUTO}: routing happened before)
 * @param passages the sources, numbered 1..n
 * @param history earlier turns of the session, oldest first
 * @param model the catalog entry of the model to use
 */
public record GenerationRequest(
    String question,
    String standaloneQuestion,
    Mode mode,
    List<NumberedPassage> passages,
    List<ChatTurn> history,
    ModelEntry model) {

  public GenerationRequest {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(standaloneQuestion, "standaloneQuestion");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(model, "model");
    if (mode == Mode.AUTO) {
      throw new IllegalArgumentException("mode must be routed to compliance or advisory before generation");
    }
    passages = List.copyOf(passages);
    history = List.copyOf(history);
  }
}
