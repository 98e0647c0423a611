package dev.egretta.eval.answers;

/**
 * How the engine did on one question.
 *
 * @param id the question's id
 * @param answerable the question's label
 * @param insufficientContext the response's {@code insufficient_context}
 * @param pageHit answerable: the answering page is among the response's first 5 sources
 * @param evidenceHit answerable: the evidence sentence (whitespace-normalised) is inside the passage of
 *     one of the first 5 sources
 * @param keywordRecall answerable: the share of the answer keywords the response contains; 0 otherwise
 * @param danglingCitations {@code [Source N]} in the response with no N-th source
 * @param sources how many sources the response has
 */
public record AnswerRow(String id, boolean answerable, boolean insufficientContext, boolean pageHit, boolean evidenceHit,
    double keywordRecall, int danglingCitations, int sources) {

  public AnswerRow {
    if (!(keywordRecall >= 0 && keywordRecall <= 1) || danglingCitations < 0 || sources < 0) {
      throw new IllegalArgumentException("bad row for '" + id + "': recall " + keywordRecall + ", dangling "
          + danglingCitations + ", sources " + sources);
    }
  }
}
