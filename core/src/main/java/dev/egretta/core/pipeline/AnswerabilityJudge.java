package dev.egretta.core.pipeline;

import dev.egretta.api.ContextQuality;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.TextEmbedder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The default {@link ContextJudge} when the retriever can embed text: decides whether the
 * retrieved passages answer the question, not only whether they are about it.
 *
 * <ol>
 *   <li>The {@link ScoreThresholdJudge} floor first: a question whose best hit is below its
 *       threshold is off-topic, flagged without further work; otherwise it chooses the offered
 *       passages.</li>
 *   <li>The {@link EvidenceSelector} ranks the offered passages' sentences as evidence.</li>
 *   <li>The {@link AnswerabilityModel} (a fitted logistic regression) turns the
 *       {@link AnswerabilityFeatures} into the probability that the passages answer the question;
 *       under its threshold the context is insufficient, and so it is when no offered passage
 *       mentions anything of the question's focus.</li>
 * </ol>
 *
 * Both decisions past the floor carry the offered passages and each one's best evidence sentence; an
 * insufficient one returns them as the closest passages, uncited (see {@link ContextDecision}). Called without the
 * question ({@link #judge(List)}), only the floor applies. Thread-safe.
 */
public final class AnswerabilityJudge implements ContextJudge {

  /**
   * The off-topic floor under this judge, which its model is fitted with: a best hit under 0.01 (cosine
   * 0.556 with the default calibration) is off-topic, and weaker hits are not offered. Off-topic
   * questions' best hits scored at most 0.008 on {@code ../shared/corpus} (core/README.md), the
   * answerable training cases' (ObliQA fit part, pdf-qa dev) at least 0.015; 0.01 sits between. The
   * {@link ScoreThresholdJudge} default (0.05) was set for a judge that has only scores; above 0.01 the
   * model decides better (measured in core/ANSWERABILITY-HISTORY.md, "The floor under the model").
   */
  public static final ScoreThresholdJudge FLOOR =
      new ScoreThresholdJudge(0.01, 0.01, ScoreThresholdJudge.DEFAULT_MAX_SOURCES);

  /** The embedding model the default coefficients and {@link #FLOOR} were fitted with ({@link TextEmbedder#modelId()}). */
  public static final String FITTED_EMBEDDING_MODEL = "bge-small-en-v1.5-q";

  private final EvidenceSelector selector;
  private final AnswerabilityModel model;
  private final ScoreThresholdJudge floor;

  /**
   * @param selector ranks evidence sentences; the model's coefficients must have been fitted with
   *     the same kind of selector (the default ones: an embedding selector over bge-small-en-v1.5)
   * @param model the fitted decision
   * @param floor the off-topic threshold and the choice of offered passages
   */
  public AnswerabilityJudge(EvidenceSelector selector, AnswerabilityModel model, ScoreThresholdJudge floor) {
    this.selector = Objects.requireNonNull(selector, "selector");
    this.model = Objects.requireNonNull(model, "model");
    this.floor = Objects.requireNonNull(floor, "floor");
  }

  /**
   * The default judge over a retriever's embedding model, with the fitted coefficients. Its floor is
   * {@link #FLOOR} with the model they were fitted on; with any other model, whose scores the floor was
   * not measured on, it is the score-only judge's stricter {@link ScoreThresholdJudge#defaults()}.
   */
  public static AnswerabilityJudge defaults(TextEmbedder embedder) {
    ScoreThresholdJudge floor = FITTED_EMBEDDING_MODEL.equals(embedder.modelId()) ? FLOOR : ScoreThresholdJudge.defaults();
    return new AnswerabilityJudge(EvidenceSelector.embedding(embedder), AnswerabilityModel.defaults(), floor);
  }

  /** The selector whose evidence this judge decides on (for the generator to share its cache). */
  public EvidenceSelector selector() {
    return selector;
  }

  /** What the judge found for a question: the evidence, the features and the probability. */
  public record Assessment(EvidenceSelector.Selection selection, AnswerabilityFeatures features, double probability,
      boolean answerable) {}

  /** Assesses offered passages (best first) as evidence for a question, as {@link #judge(String, List)} does. */
  public Assessment assess(String question, List<RetrievedPassage> offered) {
    EvidenceSelector.Selection selection = selector.select(question, offered);
    AnswerabilityFeatures f = AnswerabilityFeatures.of(selection, offered);
    double p = model.probability(f);
    return new Assessment(selection, f, p, mentionsFocus(f) && p >= model.threshold());
  }

  /**
   * Whether any offered passage mentions something of the question's focus. Passages that mention
   * nothing of it neither answer the question nor come close to it. No fitting case was like that (all
   * 1,743 answerable ones had some coverage), so the model's probability there would be extrapolation.
   */
  private static boolean mentionsFocus(AnswerabilityFeatures f) {
    return f.get("union_coverage") > 0;
  }

  @Override
  public ContextDecision judge(List<RetrievedPassage> retrieved) {
    return floor.judge(retrieved);
  }

  @Override
  public ContextDecision judge(String question, List<RetrievedPassage> retrieved) {
    ContextDecision base = floor.judge(retrieved);
    if (base.insufficient()) {
      return base;
    }
    Assessment a = assess(question, base.offered());
    Map<String, String> evidence = new HashMap<>();
    for (int i = 0; i < base.offered().size(); i++) {
      String chunk = base.offered().get(i).chunkId();
      a.selection().bestIn(i).ifPresent(e -> evidence.putIfAbsent(chunk, e.sentence()));
    }
    if (!a.answerable()) {
      // On topic but not answering: the offered passages are returned as the closest ones, uncited.
      return new ContextDecision(mentionsFocus(a.features()) ? base.offered() : List.of(),
          new ContextQuality(true, retrieved.size(), ScoreThresholdJudge.average(retrieved)), evidence);
    }
    return new ContextDecision(base.offered(), base.quality(), evidence);
  }
}
