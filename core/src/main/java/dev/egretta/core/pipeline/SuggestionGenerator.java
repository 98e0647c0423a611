package dev.egretta.core.pipeline;

import dev.egretta.core.spi.RetrievedPassage;
import java.util.List;

/**
 * Pipeline stage: proposes follow-up questions, best first. The engine keeps the first three that
 * differ from the question and from each other and that retrieval can answer (the best hit for the
 * candidate, searched in the caller's own scope, passes the {@link ContextJudge}); proposals
 * that fail are never returned. Proposals must come only from {@code passages}, which are already
 * restricted to what the caller may see.
 */
@FunctionalInterface
public interface SuggestionGenerator {
  /**
   * @param question the standalone question that was answered
   * @param passages the passages the answer drew on, best first
   */
  List<String> candidates(String question, List<RetrievedPassage> passages);
}
