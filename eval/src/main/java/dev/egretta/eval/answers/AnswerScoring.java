package dev.egretta.eval.answers;

import dev.egretta.api.QueryResponse;
import dev.egretta.api.Source;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores one response against its question; pure, so it is tested without an engine. The measures
 * are public so that every report over a question file scores alike.
 */
public final class AnswerScoring {
  static final int TOP = 5;
  private static final Pattern CITATION = Pattern.compile("\\[Source (\\d+)]");

  private AnswerScoring() {}

  /**
   * @param passages the full text of the passage behind each source, in the order of the sources
   *     (an unknown one as the empty string)
   */
  static AnswerRow score(AnswerQuestion q, QueryResponse r, List<String> passages) {
    if (passages.size() != r.sources().size()) {
      throw new IllegalArgumentException("one passage per source: " + passages.size() + " for " + r.sources().size());
    }
    boolean insufficient = r.contextQuality().insufficientContext();
    if (!q.answerable()) {
      return new AnswerRow(q.id(), false, insufficient, false, false, 0, dangling(r), r.sources().size());
    }
    List<Source> top = r.sources().subList(0, Math.min(TOP, r.sources().size()));
    String evidence = normalised(q.evidence());
    boolean evidenceHit = passages.subList(0, top.size()).stream().anyMatch(p -> normalised(p).contains(evidence));
    return new AnswerRow(q.id(), true, insufficient, pageHit(q, r), evidenceHit, keywordRecall(q, r), dangling(r),
        r.sources().size());
  }

  /** Whether one of the first five sources is a page that answers an answerable question. */
  public static boolean pageHit(AnswerQuestion q, QueryResponse r) {
    return q.answerable() && r.sources().stream().limit(TOP).anyMatch(s -> q.file().equals(s.filename())
        && s.pageNumber() != null && q.pages().contains(s.pageNumber()));
  }

  /** The share of an answerable question's keywords the response contains (0 for an unanswerable one). */
  public static double keywordRecall(AnswerQuestion q, QueryResponse r) {
    if (q.answerKeywords().isEmpty()) {
      return 0;
    }
    String answer = normalised(r.response()).toLowerCase(Locale.ROOT);
    long found = q.answerKeywords().stream().filter(k -> answer.contains(normalised(k).toLowerCase(Locale.ROOT))).count();
    return (double) found / q.answerKeywords().size();
  }

  /** {@code [Source N]} with no N-th source. */
  public static int dangling(QueryResponse r) {
    int n = 0;
    Matcher m = CITATION.matcher(r.response());
    while (m.find()) {
      long cited = Long.parseLong(m.group(1).length() > 9 ? "0" : m.group(1));
      n += cited < 1 || cited > r.sources().size() ? 1 : 0;
    }
    return n;
  }

  /** Whitespace collapsed; compatibility forms (ligatures, non-breaking spaces) folded, as PDF text needs. */
  static String normalised(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
  }
}
