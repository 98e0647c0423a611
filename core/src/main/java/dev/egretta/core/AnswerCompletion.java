package dev.egretta.core;

import dev.egretta.api.QueryResponse;
import dev.egretta.api.Source;
import dev.egretta.core.generation.NotCoveredStatement;
import dev.egretta.core.internal.CitationFilter;
import dev.egretta.core.pipeline.AnswerabilityJudge;
import dev.egretta.core.pipeline.CitationCheck;
import dev.egretta.core.pipeline.ContextDecision;
import dev.egretta.core.pipeline.EvidenceSelector;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.TokenUsage;
import java.util.List;

/**
 * The one path from generated text to the response, shared by the blocking and the streamed query:
 * citations repaired as the text arrives ({@link #accept}, {@link #flush}), then, once the text is
 * complete, the checks of the finished answer and {@link QueryPipeline#finish} ({@link #complete}),
 * so that the streamed {@code done} event carries the same checked response as the blocking call.
 *
 * <p>The finished answer is checked in this order:
 * <ol>
 *   <li>blank → {@link UpstreamException};</li>
 *   <li>the model's statement that the passages do not contain the answer ({@link NotCoveredStatement})
 *       → insufficient context;</li>
 *   <li>every {@code [Source N]} against passage N ({@link CitationCheck}): unsupported citations are
 *       removed, the sources left uncited dropped and the rest renumbered;</li>
 *   <li>no supported citation left → insufficient context.</li>
 * </ol>
 * An insufficient answer says so plainly and cites nothing; its sources are the passages the model was
 * given, as the closest ones found ({@link ContextDecision}); the JSON is Egret's
 * ({@code insufficient_context: true}). In a stream the deltas already sent are the model's text as
 * repaired by {@link CitationFilter}; the {@code done} response is the checked, authoritative one.
 * Not thread-safe: one per answer.
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
    if (NotCoveredStatement.in(answer)) {
      return insufficient(usage, generationMs);
    }
    CitationCheck.Result checked = new CitationCheck(selector()).check(answer, prepared.decision().offered());
    if (checked.noSupportedClaim()) {
      return insufficient(usage, generationMs);
    }
    if (checked.removed() == 0) {
      return pipeline.finish(prepared, answer, usage, generationMs);
    }
    List<RetrievedPassage> offered = checked.kept().stream().map(n -> prepared.decision().offered().get(n - 1)).toList();
    List<Source> sources = checked.kept().stream().map(n -> prepared.sources().get(n - 1)).toList();
    ContextDecision d = prepared.decision();
    return pipeline.finish(prepared.withDecision(new ContextDecision(offered, d.quality(), d.evidence()), sources),
        checked.markdown(),
        usage, generationMs);
  }

  /**
   * The model's answer is not supported by its passages: say so, cite nothing, keep its token usage; the
   * passages it was given stay as the closest ones found.
   */
  private QueryResponse insufficient(TokenUsage usage, long generationMs) {
    return pipeline.finish(prepared.withDecision(prepared.decision().asInsufficient(),
        QueryPipeline.closest(prepared.sources())), prepared.notAnswered(), usage, generationMs);
  }

  /** The engine's evidence selector (its vectors cache is shared), else a lexical one. */
  private EvidenceSelector selector() {
    return pipeline.parts().judge() instanceof AnswerabilityJudge aj ? aj.selector() : EvidenceSelector.lexical();
  }
}
