package dev.egretta.eval.answerability;

import dev.egretta.core.pipeline.AnswerabilityJudge;
import dev.egretta.core.pipeline.ScoreThresholdJudge;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.eval.answers.AnswerQuestion;
import dev.egretta.eval.answers.AnswerQuestions;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cases from Egretta's own question set over the PDF corpus (one JSON object per line with
 * {@code id, question, domain, category, answerable}): each question is retrieved as the engine
 * does (hybrid, {@value GoldRemovalCases#ENGINE_DEPTH} hits in the engine's order ({@link EngineOrder}), public
 * scope of its domain and category).
 */
final class PdfQaCases {
  private PdfQaCases() {}

  static List<FitCase> build(LuceneKnowledgeBase kb, Path file, boolean heldout, AnswerabilityJudge judge,
      ScoreThresholdJudge floor) {
    List<FitCase> out = new ArrayList<>();
    for (AnswerQuestion q : AnswerQuestions.read(file)) {
      SearchScope scope = SearchScope.publicOnly(q.domain(), q.category());
      List<RetrievedPassage> hits = EngineOrder.of(q.question(), scope, kb.retrieve(new RetrievalRequest(q.question(),
          scope, EngineOrder.reranks() ? EngineOrder.FETCH : GoldRemovalCases.ENGINE_DEPTH)));
      FitCase c = GoldRemovalCases.assess("pdf:" + q.id(), q.question(), heldout, q.answerable(), hits, judge, floor);
      out.add(c);
    }
    return out;
  }
}
