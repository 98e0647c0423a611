package dev.egretta.core.generation;

import dev.egretta.core.pipeline.Evidence;
import dev.egretta.core.pipeline.EvidenceSelector;
import dev.egretta.core.internal.Terms;
import dev.egretta.core.spi.NumberedPassage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the sentences the extractive answer quotes, from the {@link EvidenceSelector}'s ranking:
 * the best evidence first, then the others that evidence the question too, best first, at most two
 * per passage. A sentence evidences the question when it mentions some of its focus (or, embedded,
 * is as similar to it as the best one) and scores close to the best: within {@value #EMBEDDED_MARGIN}
 * of it when similarities were computed (a sentence that was not embedded: covering at least
 * {@value #LEXICAL_SHARE} of the best coverage and holding the kind of answer asked for), at least
 * half of it without embeddings. Sentences that only share filler with the question are left out. When a quoted sentence ends with a colon, or the next
 * sentence of its passage refers back to it ("They must be ..."), that next sentence is quoted
 * right after it, so the quote reads on its own.
 *
 * <p>A follow-up is ranked by its standalone form (the follow-up plus the topic it continues), but
 * what the user asked now is the {@code focus}: when some sentence has one of the focus's own
 * terms, only such sentences are quoted, so that "And for online banking?" after a question on
 * payment processing quotes the online-banking sentence and not the payment one again.
 */
final class SentencePicker {

  private static final int MAX_PER_PASSAGE = 2;
  /** An embedded sentence scoring more than this below the best one is left out. */
  static final double EMBEDDED_MARGIN = 0.15;
  /** A sentence that continues the one before ("They should be signed...") is quoted after it. */
  private static final java.util.regex.Pattern CONTINUES =
      java.util.regex.Pattern.compile("^(?:They|These|This|It|Such|Those|Their|Its|That|The latter|Each of these)\\b");
  /**
   * A sentence that was not embedded (the selector embeds only the best few) is quoted after the
   * embedded ones when it covers at least this share of the best coverage and, if the question asks
   * for a kind of answer, holds one or covers more of the focus than the best sentence (the kind
   * read from the wording can be wrong: "what has to happen when ... its timeline" asks for an action).
   */
  static final double LEXICAL_SHARE = 0.6;
  /** Without embeddings, a sentence scoring under this share of the best one is left out. */
  static final double RELATIVE_FLOOR = 0.5;
  /** A sentence without focus terms still evidences the question when this close to the best similarity. */
  static final double SIMILARITY_SLACK = 0.02;

  record Pick(int source, String sentence, double score) {}

  private SentencePicker() {}

  static List<Pick> pick(EvidenceSelector selector, String question, String focus, List<NumberedPassage> passages, int max) {
    EvidenceSelector.Selection selection = selector.select(question, passages.stream().map(NumberedPassage::passage).toList());
    List<Evidence> ranked = selection.ranked();
    boolean typed = selection.focus().typed();
    if (ranked.isEmpty()) {
      return passages.isEmpty() || Terms.sentences(passages.getFirst().passage().text()).isEmpty() ? List.of()
          : List.of(new Pick(passages.getFirst().number(), Terms.sentences(passages.getFirst().passage().text()).getFirst(), 0));
    }
    if (!focus.equals(question)) {
      Set<String> own = Terms.contentTerms(focus);
      List<Evidence> focused = ranked.stream()
          .filter(e -> Terms.contentTerms(e.sentence()).stream().anyMatch(own::contains)).toList();
      if (!focused.isEmpty()) {
        ranked = focused;
      }
    }
    Evidence best = ranked.getFirst();
    double maxCoverage = ranked.stream().mapToDouble(Evidence::coverage).max().orElse(0);
    List<Pick> chosen = new ArrayList<>();
    Map<Integer, Integer> perSource = new HashMap<>();
    for (Evidence e : ranked) {
      if (chosen.size() >= max) {
        break;
      }
      boolean close = best.embedded() && e.embedded() ? e.score() >= best.score() - EMBEDDED_MARGIN
          : best.embedded() ? e.coverage() >= LEXICAL_SHARE * maxCoverage
              && (e.answerTypeFound() || !typed || e.coverage() > best.coverage())
          : e.score() > 0 && e.score() >= RELATIVE_FLOOR * best.score();
      boolean evidences = e.coverage() > 0 || e.embedded() && e.similarity() >= best.similarity() - SIMILARITY_SLACK;
      int source = passages.get(e.passageIndex()).number();
      if (e == best || close && evidences && perSource.getOrDefault(source, 0) < MAX_PER_PASSAGE) {
        if (chosen.stream().noneMatch(p -> p.sentence().equals(e.sentence()))) {
          chosen.add(new Pick(source, e.sentence(), e.score()));
          perSource.merge(source, 1, Integer::sum);
          List<String> sentences = Terms.sentences(e.passage().text());
          int next = e.sentenceIndex() + 1;
          if (next < sentences.size() && chosen.size() < max && (e.sentence().endsWith(":")
              || CONTINUES.matcher(sentences.get(next)).find())
              && chosen.stream().noneMatch(p -> p.sentence().equals(sentences.get(next)))) {
            chosen.add(new Pick(source, sentences.get(next), e.score()));
          }
        }
      }
    }
    return chosen;
  }
}
