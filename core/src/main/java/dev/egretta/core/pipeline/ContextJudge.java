package dev.egretta.core.pipeline;

import dev.egretta.core.spi.RetrievedPassage;
import java.util.List;

/**
 * Pipeline stage: decides whether the retrieved passages are strong enough evidence to answer,
 * and which of them the generator sees. When the context is insufficient the engine answers that
 * the knowledge base does not cover the question, cites nothing and calls no model.
 */
@FunctionalInterface
public interface ContextJudge {
  /**
   * Judges hits without knowing the question (the engine uses this for cheap checks such as
   * whether a suggested question would find anything).
   *
   * @param retrieved the retriever's hits, best first
   */
  ContextDecision judge(List<RetrievedPassage> retrieved);

  /**
   * Judges hits as evidence for a question; the engine calls this for every query. Judges that
   * look at the question override it; by default the question is ignored.
   *
   * @param question the standalone question retrieval searched for
   * @param retrieved the retriever's hits, best first
   */
  default ContextDecision judge(String question, List<RetrievedPassage> retrieved) {
    return judge(retrieved);
  }
}
