package dev.egretta.core;

import dev.egretta.api.QueryResponse;
import dev.egretta.core.pipeline.CitationFilter;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.egretta.core.spi.TokenUsage;

/**
 * The one path from generated text to the response, shared by the blocking and the streamed query:
 * citations repaired as the text arrives ({@link #accept}, {@link #flush}), then, once the text is
 * complete, the blank check and {@link QueryPipeline#finish} ({@link #complete}). A check of the
 * finished answer belongs in {@link #complete}, so that the streamed {@code done} event carries the
 * same checked response as the blocking call. Not thread-safe: one per answer.
 */
final class AnswerCompletion {

  private final QueryPipeline pipeline;
  private final Prepared prepared;
  private final CitationFilter filter;
  private final StringBuilder text = new StringBuilder();

  AnswerCompletion(QueryPipeline pipeline, Prepared prepared) {
    this.pipeline = pipeline;
    this.prepared = prepared;
    this.filter = new CitationFilter(prepared.sources().size());
  }

  /** The response without a model, when the context is insufficient; its text is {@link Prepared#notCovered}. */
  QueryResponse notCovered() {
    return pipeline.finish(prepared, prepared.notCovered(), TokenUsage.ZERO, 0);
  }

  /** The blocking call: a whole answer at once. */
  QueryResponse complete(GeneratedAnswer answer, long generationMs) {
    accept(answer.markdown());
    flush();
    return complete(answer.usage(), generationMs);
  }

  /** Takes the next generated fragment; returns the repaired text now safe to show (possibly empty). */
  String accept(String fragment) {
    String safe = filter.accept(fragment);
    text.append(safe);
    return safe;
  }

  /** Generation has ended: returns the repaired text that was held back (possibly empty). */
  String flush() {
    String rest = filter.finish();
    text.append(rest);
    return rest;
  }

  /**
   * Checks and persists the answer accepted so far and builds the response.
   *
   * @throws UpstreamException when the model's answer is blank after repair
   */
  QueryResponse complete(TokenUsage usage, long generationMs) {
    String answer = text.toString();
    if (answer.isBlank()) {
      throw new UpstreamException("the model returned an empty answer");
    }
    return pipeline.finish(prepared, answer, usage, generationMs);
  }
}
