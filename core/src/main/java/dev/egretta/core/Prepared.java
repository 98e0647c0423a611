package dev.egretta.core;

import dev.egretta.api.Mode;
import dev.egretta.api.Source;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.internal.DomainCatalog;
import dev.egretta.core.pipeline.ContextDecision;
import dev.egretta.core.session.SessionRecord;
import dev.egretta.core.spi.GenerationRequest;
import dev.egretta.core.spi.ModelEntry;
import dev.egretta.core.spi.SearchScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A query after every stage before generation: checked, session loaded, rewritten, routed, retrieved
 * and judged. {@code generation} is null when the context is insufficient.
 */
record Prepared(
    ValidatedQuery query,
    Organisation caller,
    DomainCatalog.Resolved names,
    ModelEntry model,
    Mode mode,
    Optional<SessionRecord> session,
    String standaloneQuestion,
    SearchScope scope,
    ContextDecision decision,
    List<Source> sources,
    GenerationRequest generation,
    long startNanos,
    Instant startedAt,
    long retrievalMs) {

  boolean insufficient() {
    return decision.insufficient();
  }

  /** The same query with another context decision and the sources that go with it (after the answer's check). */
  Prepared withDecision(ContextDecision decision, List<Source> sources) {
    return new Prepared(query, caller, names, model, mode, session, standaloneQuestion, scope, decision, sources,
        generation, startNanos, startedAt, retrievalMs);
  }

  /** The answer given instead of a model's whose claims its passages do not support. */
  String notAnswered() {
    return "# Not covered by the knowledge base\n\n"
        + "The passages found in " + names.domainName() + " (" + names.categoryName() + ") do not contain "
        + "the answer to this question, so no answer is given." + closestNote()
        + " Try rephrasing the question, or ask about a topic the documents cover.\n";
  }

  /** The answer given without a model when the knowledge base does not cover the question. */
  String notCovered() {
    String why = sources.isEmpty()
        ? "no indexed passage in " + names.domainName() + " (" + names.categoryName() + ") is relevant enough to "
            + "answer it without guessing."
        : "the passages found in " + names.domainName() + " (" + names.categoryName() + ") do not state the "
            + "answer, so no answer is given." + closestNote();
    return "# Not covered by the knowledge base\n\n"
        + "The knowledge base does not cover this question: " + why
        + " Try rephrasing the question, or ask about a topic the documents cover.\n";
  }

  private String closestNote() {
    return sources.isEmpty() ? ""
        : " The closest passages are listed as sources so that you can check them; none of them is cited as an answer.";
  }
}
