package dev.egretta.core.pipeline;

import dev.egretta.core.spi.RetrievedPassage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pipeline stage: what follows a finished answer — candidate follow-up questions (the engine keeps those
 * retrieval can answer, see {@link SuggestionGenerator}) and, for the first exchange of a session, its
 * title. The default wraps a {@link SuggestionGenerator} and leaves the title to the engine (the first
 * question); {@link ModelFollowUps} writes both with a model in one call.
 */
@FunctionalInterface
public interface FollowUps {

  /**
   * What was written.
   *
   * @param candidates follow-up questions, best first
   * @param title the session title, when one was written (the engine cleans and bounds it)
   * @param answerable whether the candidates need the full answerability judgement before they are offered
   *     (model-written questions may ask what the documents do not say) rather than the score floor alone
   */
  record Written(List<String> candidates, Optional<String> title, boolean answerable) {
    public Written {
      candidates = List.copyOf(candidates);
      Objects.requireNonNull(title, "title");
    }
  }

  /**
   * @param question the question as asked
   * @param standalone the standalone question that was answered
   * @param answer the final answer text (Markdown with citations)
   * @param passages the passages offered to the answer, best first, already restricted to what the caller may see
   * @param firstExchange whether this answer opens a new session (a title is wanted)
   */
  Written write(String question, String standalone, String answer, List<RetrievedPassage> passages,
      boolean firstExchange);

  /** The templates of {@code suggestions}, no title. */
  static FollowUps of(SuggestionGenerator suggestions) {
    Objects.requireNonNull(suggestions, "suggestions");
    return (question, standalone, answer, passages, first) ->
        new Written(suggestions.candidates(standalone, passages), Optional.empty(), false);
  }
}
