package dev.egretta.eval.answers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer-level figures of one run. Rates over answerable questions: page hit@5, evidence hit@5,
 * keyword recall (the share of each question's answer keywords found in its response, averaged over
 * the answerable questions: a question scores 0.5 when its response contains 1 of its 2 keywords),
 * answerable falsely flagged; over unanswerable ones: unanswerable flagged. Dangling citations are
 * counted over all responses.
 */
public record AnswerMetrics(int questions, int answerable, int unanswerable, double pageHit5, double evidenceHit5,
    double keywordRecall, int unanswerableFlagged, int answerableFlagged, int danglingCitations) {

  /** The figures of some rows. */
  public static AnswerMetrics of(List<AnswerRow> rows) {
    List<AnswerRow> yes = rows.stream().filter(AnswerRow::answerable).toList();
    List<AnswerRow> no = rows.stream().filter(r -> !r.answerable()).toList();
    return new AnswerMetrics(rows.size(), yes.size(), no.size(),
        share(yes.stream().filter(AnswerRow::pageHit).count(), yes.size()),
        share(yes.stream().filter(AnswerRow::evidenceHit).count(), yes.size()),
        yes.isEmpty() ? 0 : yes.stream().mapToDouble(AnswerRow::keywordRecall).average().orElse(0),
        (int) no.stream().filter(AnswerRow::insufficientContext).count(),
        (int) yes.stream().filter(AnswerRow::insufficientContext).count(),
        rows.stream().mapToInt(AnswerRow::danglingCitations).sum());
  }

  private static double share(long count, int of) {
    return of == 0 ? 0 : (double) count / of;
  }

  /** Share of unanswerable questions flagged (0 when there are none). */
  public double unanswerableFlaggedRate() {
    return share(unanswerableFlagged, unanswerable);
  }

  /** Share of answerable questions falsely flagged (0 when there are none). */
  public double answerableFlaggedRate() {
    return share(answerableFlagged, answerable);
  }

  /** The figures by the names the regression config and {@code --json} use. */
  public Map<String, Number> byName() {
    Map<String, Number> m = new LinkedHashMap<>();
    m.put("questions", questions);
    m.put("answerable", answerable);
    m.put("unanswerable", unanswerable);
    m.put("page_hit@5", pageHit5);
    m.put("evidence_hit@5", evidenceHit5);
    m.put("keyword_recall", keywordRecall);
    m.put("unanswerable_flagged", unanswerableFlagged);
    m.put("unanswerable_flagged_rate", unanswerableFlaggedRate());
    m.put("answerable_flagged", answerableFlagged);
    m.put("answerable_flagged_rate", answerableFlaggedRate());
    m.put("dangling_citations", danglingCitations);
    return m;
  }
}
