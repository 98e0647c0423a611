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
  /** @param retrieved the retriever's hits, best first */
  ContextDecision judge(List<RetrievedPassage> retrieved);
}
