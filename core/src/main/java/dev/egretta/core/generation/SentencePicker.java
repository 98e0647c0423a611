package dev.egretta.core.generation;

import dev.egretta.core.pipeline.Terms;
import dev.egretta.core.spi.NumberedPassage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses the sentences of the passages that best match a question: each sentence scores the sum
 * of the inverse sentence frequencies of the question terms it contains, weighted by its passage's
 * retrieval score; sentences of under 5 or over 80 words are skipped, and so are sentences scoring
 * under half the best one's score; at most two per passage.
 * When no sentence shares a term with the question, the first sentence of the best passage is used.
 *
 * <p>A follow-up is picked for by its standalone form (the follow-up plus the topic it continues),
 * but what the user asked now is the {@code focus}: when some sentence has one of the focus's own
 * terms, only such sentences are quoted, so that "And for online banking?" after a question on
 * payment processing quotes the online-banking sentence and not the payment one again.
 */
final class SentencePicker {

  private static final int MAX_PER_PASSAGE = 2;
  /** A sentence scoring under this share of the best sentence's score is left out. */
  static final double RELATIVE_FLOOR = 0.5;

  record Pick(int source, String sentence, double score, int order) {}

  private SentencePicker() {}

  static List<Pick> pick(String question, List<NumberedPassage> passages, int max) {
    return pick(question, question, passages, max);
  }

  static List<Pick> pick(String question, String focus, List<NumberedPassage> passages, int max) {
    Set<String> terms = Terms.contentTerms(question);
    Set<String> focusTerms = Terms.contentTerms(focus);
    List<Pick> all = new ArrayList<>();
    Map<String, Integer> df = new HashMap<>();
    List<List<String>> sentenceTerms = new ArrayList<>();
    int order = 0;
    for (NumberedPassage np : passages) {
      for (String s : Terms.sentences(np.passage().text())) {
        int words = s.split(" ").length;
        if (words < 5 || words > 80) {
          continue;
        }
        List<String> ts = List.copyOf(Terms.contentTerms(s));
        ts.forEach(t -> df.merge(t, 1, Integer::sum));
        sentenceTerms.add(ts);
        all.add(new Pick(np.number(), s, np.passage().score(), order++));
      }
    }
    int n = all.size();
    boolean focused = sentenceTerms.stream().anyMatch(ts -> ts.stream().anyMatch(focusTerms::contains));
    List<Pick> scored = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Pick p = all.get(i);
      double s = 0;
      for (String t : sentenceTerms.get(i)) {
        if (terms.contains(t)) {
          s += Math.log(1.0 + (double) n / df.get(t));
        }
      }
      if (focused && sentenceTerms.get(i).stream().noneMatch(focusTerms::contains)) {
        s = 0;
      }
      scored.add(new Pick(p.source(), p.sentence(), s * (0.5 + p.score()), p.order()));
    }
    List<Pick> chosen = new ArrayList<>();
    Map<Integer, Integer> perSource = new HashMap<>();
    double best = scored.stream().mapToDouble(Pick::score).max().orElse(0);
    scored.stream().filter(p -> p.score() > 0 && p.score() >= RELATIVE_FLOOR * best)
        .sorted(Comparator.comparingDouble(Pick::score).reversed().thenComparingInt(Pick::order))
        .forEach(p -> {
          if (chosen.size() < max && perSource.getOrDefault(p.source(), 0) < MAX_PER_PASSAGE) {
            chosen.add(p);
            perSource.merge(p.source(), 1, Integer::sum);
          }
        });
    if (chosen.isEmpty() && !all.isEmpty()) {
      chosen.add(all.getFirst());
    }
    chosen.sort(Comparator.comparingInt(Pick::source).thenComparingInt(Pick::order));
    return chosen;
  }
}
