package dev.egretta.eval.answerability;

import dev.egretta.core.pipeline.FeatureReranker;
import dev.egretta.core.pipeline.FittedRelevance;
import dev.egretta.core.pipeline.RerankingRetriever;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import java.util.List;

/**
 * The passages an engine built with the defaults would hand its context judge, from the retriever's
 * fused hits: reranked by the built-in reranker when the fitted relevance settings rerank by default
 * (as {@code EgrettaEngineBuilder} does), then the first {@value GoldRemovalCases#ENGINE_DEPTH}. The
 * answerability coefficients must be fitted on the order the engine produces.
 */
final class EngineOrder {
  /** Fused hits to fetch: enough for the reranker's depth. */
  static final int FETCH = Math.max(GoldRemovalCases.DEPTH, FittedRelevance.defaults().rerankDepth());

  private EngineOrder() {}

  /** Whether engines rerank by default, i.e. whether {@link #of} reorders. */
  static boolean reranks() {
    return FittedRelevance.defaults().rerankByDefault();
  }

  /** The engine's first {@value GoldRemovalCases#ENGINE_DEPTH} passages for fused {@code hits} (best first). */
  static List<RetrievedPassage> of(String question, SearchScope scope, List<RetrievedPassage> hits) {
    if (!reranks()) {
      return hits.stream().limit(GoldRemovalCases.ENGINE_DEPTH).toList();
    }
    RerankingRetriever engine = new RerankingRetriever(request -> hits, FeatureReranker.fitted(),
        FittedRelevance.defaults().rerankDepth());
    return engine.retrieve(new RetrievalRequest(question, scope, GoldRemovalCases.ENGINE_DEPTH));
  }
}
