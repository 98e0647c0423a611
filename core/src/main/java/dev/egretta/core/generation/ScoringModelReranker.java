package dev.egretta.core.generation;

import dev.egretta.core.UpstreamException;
import dev.egretta.core.spi.Reranker;
import dev.egretta.core.spi.RetrievedPassage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.scoring.ScoringModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Any LangChain4j {@link ScoringModel} as the engine's reranking stage, e.g. an in-process ONNX
 * cross-encoder ({@code OnnxScoringModel}) or a hosted reranker: each candidate (its heading, then
 * its text) is scored against the question in one {@code scoreAll} call and the candidates are
 * ordered by score, ties in the retriever's order. Vendor exceptions become
 * {@link dev.egretta.core.EgrettaException}s as for chat models (rate limits, timeouts, configuration).
 *
 * <pre>{@code
 * EgrettaEngine.builder().retriever(kb).reranker(new ScoringModelReranker(scoringModel)).rerankDepth(30).build();
 * }</pre>
 */
public final class ScoringModelReranker implements Reranker {
  private final ScoringModel model;

  public ScoringModelReranker(ScoringModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public List<RetrievedPassage> rerank(String question, List<RetrievedPassage> candidates) {
    List<TextSegment> segments = candidates.stream()
        .map(p -> TextSegment.from(p.heading().isBlank() ? p.text() : p.heading() + "\n" + p.text())).toList();
    Response<List<Double>> response;
    try {
      response = model.scoreAll(segments, question);
    } catch (RuntimeException e) {
      throw ChatModelAnswerGenerator.translate(e);
    }
    List<Double> scores = response == null ? null : response.content();
    if (scores == null || scores.size() != candidates.size()) {
      throw new UpstreamException("the scoring model returned " + (scores == null ? "no" : scores.size()) + " scores for "
          + candidates.size() + " passages");
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (scores.get(i) == null || scores.get(i).isNaN()) {
        throw new UpstreamException("the scoring model returned no score for passage " + (i + 1));
      }
      order.add(i);
    }
    order.sort(Comparator.<Integer>comparingDouble(i -> -scores.get(i)).thenComparingInt(i -> i));
    return order.stream().map(candidates::get).toList();
  }
}
