package dev.egretta.core.pipeline;

import dev.egretta.core.spi.ChatTurn;
import java.util.List;

/**
 * Pipeline stage: turns a follow-up question into a standalone one using the session history
 * ("and who approves it?" → a question that names what "it" is). The standalone question is what
 * retrieval searches for. Returns the question unchanged when it already stands alone.
 */
@FunctionalInterface
public interface QueryRewriter {
  /**
   * @param question the question as asked
   * @param history earlier turns of the session, oldest first
   */
  String standalone(String question, List<ChatTurn> history);
}
