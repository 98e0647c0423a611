package dev.egretta.eval;

import dev.egretta.core.pipeline.FeatureReranker;
import dev.egretta.core.pipeline.FittedRelevance;
import dev.egretta.core.pipeline.RerankingRetriever;
import dev.egretta.core.spi.Reranker;
import dev.egretta.core.spi.Retriever;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.RetrieverKind;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What an evaluation retrieves with: a kind of evidence and an optional reranking stage, built as
 * the engine builds its retrieval ({@link RerankingRetriever} over the fitted depth). The default is
 * the engine's own: hybrid, reranked when the fitted settings say so.
 *
 * @param kind BM25, vectors, or both fused
 * @param reranker the reranking stage, if any
 * @param rerankName {@code none} or {@code builtin}
 */
public record EvalPipeline(RetrieverKind kind, Optional<Reranker> reranker, String rerankName) {

  public EvalPipeline {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reranker, "reranker");
    Objects.requireNonNull(rerankName, "rerankName");
  }

  /**
   * @param retriever {@code bm25}, {@code dense} or {@code hybrid}; null = hybrid
   * @param rerank {@code none} or {@code builtin}; null = the engine's default
   */
  public static EvalPipeline of(String retriever, String rerank) {
    RetrieverKind kind = retriever == null ? RetrieverKind.HYBRID : RetrieverKind.parse(retriever);
    String r = rerank == null ? (FittedRelevance.defaults().rerankByDefault() ? "builtin" : "none")
        : rerank.strip().toLowerCase(Locale.ROOT);
    return switch (r) {
      case "none" -> new EvalPipeline(kind, Optional.empty(), r);
      case "builtin" -> new EvalPipeline(kind, Optional.of(FeatureReranker.fitted()), r);
      default -> throw new IllegalArgumentException("rerank must be one of none, builtin; got: " + rerank);
    };
  }

  /** The engine's default retrieval. */
  public static EvalPipeline defaults() {
    return of(null, null);
  }

  /** The retrieval over {@code kb} this pipeline describes. */
  Retriever over(LuceneKnowledgeBase kb) {
    Retriever base = request -> kb.search(request, kind);
    return reranker.<Retriever>map(r -> new RerankingRetriever(base, r, FittedRelevance.defaults().rerankDepth())).orElse(base);
  }

  /** E.g. {@code hybrid} or {@code hybrid+builtin}. */
  public String name() {
    return kind.name().toLowerCase(Locale.ROOT) + (reranker.isPresent() ? "+" + rerankName : "");
  }
}
