package dev.egretta.core.pipeline;

import dev.egretta.core.spi.RetrievedPassage;
import java.util.Arrays;
import java.util.List;

/**
 * The features the answerability decision is made from: how well the best evidence sentence
 * matches the question (embedding similarity, focus coverage, answer type), how much of the
 * question's focus one passage and all passages cover, and the retriever's own evidence (the
 * calibrated top score, its margin, and whether the lexical and vector rankings agree on the top
 * hit), and where the question's topic is met: anywhere in the passages, or in one sentence (with
 * its neighbours) that holds the kind of answer asked for. A passage about the topic mentions it
 * somewhere; a passage that answers states the asked value in the same place. And whether the
 * noun the question asks for ({@link AskedNoun}: "which tool", "how many miles") is met at all, or
 * counted by a number: text that never says it is about something near. Names and order are
 * {@link #NAMES}; the fitted coefficients refer to them by name.
 */
public final class AnswerabilityFeatures {

  /** Feature names, in the order of {@link #values()}. */
  public static final List<String> NAMES = List.of(
      "best_similarity",          // max cosine question-sentence over the embedded candidates (0 when none)
      "similarity_gap",           // best similarity minus the mean of the embedded candidates
      "best_evidence_coverage",   // focus coverage of the top-ranked sentence
      "max_sentence_coverage",    // best focus coverage of any one sentence (with neighbours)
      "max_passage_coverage",     // best focus coverage of any one passage
      "union_coverage",           // focus coverage of all offered passages together
      "answer_type_asked",        // 1 when the question asks for a kind of answer (duration, who, ...)
      "answer_type_found",        // 1 when it does and one of the 3 best sentences holds one
      "answer_coverage",          // best focus coverage of a sentence holding the kind of answer asked for
                                  // (any sentence's when the question asks for no particular kind)
      "top_score_logit",          // logit of the retriever's calibrated top score
      "score_margin",             // top score minus the second
      "top_lexical_rank_inverse", // 1 / lexical rank of the top hit (0 when absent or unknown)
      "top_vector_rank_inverse",  // 1 / vector rank of the top hit
      "evidence_rank_agreement",  // 1 when the best sentence's passage is first in both rankings
      "focus_size",               // ln(1 + number of focus items)
      "missing_specific",         // 1 when a name, acronym, number or quoted phrase of the question is in no passage
      "best_window_coverage",     // focus coverage of the best sentence with its neighbours, each item fully
      "typed_window_coverage",    // best window coverage of the 5 best sentences that hold the kind of answer asked
                                  // for (of any of the 5 when the question asks for no particular kind)
      "rarest_in_best_window",    // 1 when the question's rarest focus item is in the best sentence or a neighbour
      "coverage_contrast",        // best sentence coverage minus the median coverage of all candidates
      "best_type_found",          // 1 when the question asks for a kind of answer and the best sentence holds it
      // the topic features: the focus without the words that only name the kind of answer ("how many days")
      "topic_union_coverage",     // topic coverage of all offered passages together
      "topic_missing_share",      // share of topic items no passage mentions
      "typed_topic_window",       // best topic coverage of one sentence with neighbours among those holding the answer kind
      "topic_joint_gap",          // topic_union_coverage - typed_topic_window: met in the passages, but not where an answer is
      "best_topic_window",        // topic coverage of the best sentence with its neighbours
      // what a linear model cannot say itself: the coverage where an answer of the asked kind is, when a kind is asked
      "typed_x_topic_window",     // typed_topic_window when the question asks for a kind of answer, else 0
      "untyped_x_topic_window",   // typed_topic_window when it does not, else 0
      "typed_answer_absent",      // 1 when it asks for a kind of answer and no sentence holding one mentions the topic
      "typed_x_joint_gap",        // topic_joint_gap when it asks for a kind of answer, else 0
      // the noun the question asks for, from its syntax ("which TOOL", "how many MILES"; AskedNoun)
      "asked_noun_missing",       // 1 when the question asks for a noun that no passage mentions
      "counted_value_absent",     // 1 when it asks how many of a noun and no sentence holds a number counting it
      "asked_noun_in_typed_window", // 1 when one of the 5 best sentences holding the answer kind (any of the 5 when no
                                  // kind is asked), with its neighbours, mentions the asked noun
      "typed_topic_sentence");    // when a kind of answer is asked: the best topic coverage of one sentence alone (no
                                  // neighbours) among those holding it; else 0

  /** How many of the best sentences the window features look at. */
  private static final int TOP = 5;

  private final double[] values;

  private AnswerabilityFeatures(double[] values) {
    if (values.length != NAMES.size()) {
      throw new IllegalArgumentException("expected " + NAMES.size() + " feature values; got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("feature " + NAMES.get(i) + " is not finite: " + values[i]);
      }
    }
    this.values = values.clone();
  }

  /** Features from values in {@link #NAMES} order (e.g. read back from a fitting data set). */
  public static AnswerabilityFeatures of(double... values) {
    return new AnswerabilityFeatures(values);
  }

  /** The features of one selection over the passages it ranked ({@code offered}, best hit first). */
  public static AnswerabilityFeatures of(EvidenceSelector.Selection selection, List<RetrievedPassage> offered) {
    List<Evidence> ranked = selection.ranked();
    double best = 0;
    double sum = 0;
    int embedded = 0;
    double maxCoverage = 0;
    for (Evidence e : ranked) {
      if (e.embedded()) {
        best = embedded == 0 ? e.similarity() : Math.max(best, e.similarity());
        sum += e.similarity();
        embedded++;
      }
      maxCoverage = Math.max(maxCoverage, e.coverage());
    }
    boolean typed = selection.focus().typed();
    double answerCoverage = typed ? ranked.stream().filter(Evidence::answerTypeFound).mapToDouble(Evidence::coverage)
        .max().orElse(0) : maxCoverage;
    boolean found = typed && ranked.stream().limit(3).anyMatch(Evidence::answerTypeFound);
    double top = offered.isEmpty() ? 0 : offered.getFirst().score();
    double second = offered.size() > 1 ? offered.get(1).score() : 0;
    RetrievedPassage first = offered.isEmpty() ? null : offered.getFirst();
    RetrievedPassage evidencePassage = ranked.isEmpty() ? null : ranked.getFirst().passage();
    EvidenceSelector.Topic topic = selection.topic();
    double[] v = {
        best,
        embedded == 0 ? 0 : best - sum / embedded,
        ranked.isEmpty() ? 0 : ranked.getFirst().coverage(),
        maxCoverage,
        selection.passageCoverage().stream().mapToDouble(Double::doubleValue).max().orElse(0),
        selection.unionCoverage(),
        typed ? 1 : 0,
        found ? 1 : 0,
        answerCoverage,
        logit(top),
        top - second,
        first == null ? 0 : inverse(first.lexicalRank()),
        first == null ? 0 : inverse(first.vectorRank()),
        evidencePassage != null && evidencePassage.lexicalRank() == 1 && evidencePassage.vectorRank() == 1 ? 1 : 0,
        Math.log1p(selection.focus().items().size()),
        selection.missing().stream().anyMatch(i -> i.multiplier() > 1) ? 1 : 0,
        ranked.isEmpty() ? 0 : selection.windowCoverage(ranked.getFirst()),
        ranked.stream().limit(TOP).filter(e -> !typed || e.answerTypeFound()).mapToDouble(selection::windowCoverage)
            .max().orElse(0),
        !ranked.isEmpty() && selection.rarestIn(ranked.getFirst()) ? 1 : 0,
        ranked.isEmpty() ? 0 : ranked.getFirst().coverage() - median(ranked.stream().mapToDouble(Evidence::coverage).toArray()),
        typed && !ranked.isEmpty() && ranked.getFirst().answerTypeFound() ? 1 : 0,
        topic.unionCoverage(),
        topic.missingShare(),
        topic.typedWindow(),
        topic.unionCoverage() - topic.typedWindow(),
        topic.bestWindow(),
        typed ? topic.typedWindow() : 0,
        typed ? 0 : topic.typedWindow(),
        typed && topic.typedWindow() == 0 ? 1 : 0,
        typed ? topic.unionCoverage() - topic.typedWindow() : 0,
        selection.asked().missing() ? 1 : 0,
        selection.asked().countAbsent() ? 1 : 0,
        ranked.stream().limit(TOP).filter(e -> !typed || e.answerTypeFound()).anyMatch(selection::askedIn) ? 1 : 0,
        typed ? topic.typedSentence() : 0};
    return new AnswerabilityFeatures(v);
  }

  /** A copy of the values, in {@link #NAMES} order. */
  public double[] values() {
    return values.clone();
  }

  /** One value by name. */
  public double get(String name) {
    int i = NAMES.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("unknown answerability feature '" + name + "'; known: " + NAMES);
    }
    return values[i];
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length == 0 ? 0 : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double logit(double p) {
    double q = Math.min(1 - 1e-4, Math.max(1e-4, p));
    return Math.log(q / (1 - q));
  }

  private static double inverse(int rank) {
    return rank <= 0 ? 0 : 1.0 / rank;
  }

  @Override
  public String toString() {
    return "AnswerabilityFeatures" + Arrays.toString(values);
  }
}
