package dev.egretta.eval.answers;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.Source;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.EgrettaEngineBuilder;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Answer-level evaluation: runs the whole engine per question (compliance mode, the question's domain
 * and category, a fresh session each time) over a Lucene index and scores each response
 * ({@link AnswerRow}, {@link AnswerMetrics}). The engine is the default one over the index, as
 * {@code egretta ask} builds it (its retrieval only watched, so that sources can be traced to their
 * full passages), with whatever the caller adds (a generator and its model catalog). Sessions are
 * kept in memory: an evaluation leaves no trace in the index's session store.
 *
 * <pre>{@code
 * try (AnswerEvaluator eval = AnswerEvaluator.open(LuceneKnowledgeBase.open(indexDir), builder -> {})) {
 *   List<AnswerRow> rows = eval.evaluate(AnswerQuestions.read(Path.of("eval/pdf-qa/heldout.jsonl")), row -> {});
 *   AnswerMetrics m = AnswerMetrics.of(rows);
 * }
 * }</pre>
 */
public final class AnswerEvaluator implements AutoCloseable {
  private final RecordingRetriever retrieval;
  private final EgrettaEngine engine;

  private AnswerEvaluator(RecordingRetriever retrieval, EgrettaEngine engine) {
    this.retrieval = retrieval;
    this.engine = engine;
  }

  /**
   * An evaluator over an open index, which it owns: closing the evaluator closes the index.
   *
   * @param configure adds to the engine builder (e.g. a generator and its model catalog)
   */
  public static AnswerEvaluator open(LuceneKnowledgeBase kb, Consumer<EgrettaEngineBuilder> configure) {
    Objects.requireNonNull(kb, "kb");
    RecordingRetriever retrieval = new RecordingRetriever(kb);
    // the engine closes its inventory, the index, when it closes
    EgrettaEngineBuilder builder = EgrettaEngine.builder().retriever(retrieval).corpusInventory(kb).textEmbedder(kb)
        .tokenCounter(kb::countTokens);
    try {
      configure.accept(builder);
      return new AnswerEvaluator(retrieval, builder.build());
    } catch (RuntimeException e) {
      kb.close();
      throw e;
    }
  }

  /** Asks every question in order; {@code progress} hears each row as it is scored. */
  public List<AnswerRow> evaluate(List<AnswerQuestion> questions, Consumer<AnswerRow> progress) {
    List<AnswerRow> rows = new ArrayList<>(questions.size());
    for (AnswerQuestion q : questions) {
      AnswerRow row = ask(q);
      progress.accept(row);
      rows.add(row);
    }
    return rows;
  }

  /** Asks one question and scores the response. */
  public AnswerRow ask(AnswerQuestion q) {
    retrieval.reset();
    QueryResponse r = engine.query(ValidatedQuery.of(q.question(), q.domain(), q.category(), Mode.COMPLIANCE),
        Organisation.LOCAL);
    List<RetrievedPassage> hits = retrieval.hits();
    Set<RetrievedPassage> used = new HashSet<>();
    List<String> passages = r.sources().stream().map(s -> passageOf(s, hits, used)).toList();
    return AnswerScoring.score(q, r, passages);
  }

  /**
   * The full text behind a source: the hit with its document, a page range holding its page, and (rounded)
   * score, first in retrieval order among equals and not already behind an earlier source (two sources on
   * one page with one score are two hits).
   */
  private static String passageOf(Source s, List<RetrievedPassage> hits, Set<RetrievedPassage> used) {
    Optional<RetrievedPassage> hit = hits.stream()
        .filter(h -> !used.contains(h) && h.documentUri().equals(s.uri()) && s.pageNumber() != null
            && h.startPage() <= s.pageNumber() && s.pageNumber() <= h.endPage())
        .min(java.util.Comparator.comparingDouble(h -> Math.abs(h.score() - s.score())));
    hit.ifPresent(used::add);
    return hit.map(RetrievedPassage::text).orElse("");
  }

  @Override
  public void close() {
    engine.close();
  }
}
