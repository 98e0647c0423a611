package dev.egretta.core.pipeline;

import dev.egretta.api.ContextQuality;
import dev.egretta.core.spi.RetrievedPassage;
import java.util.List;

/**
 * The default {@link ContextJudge}, on the retriever's calibrated scores in [0, 1].
 *
 * <ul>
 *   <li>offered passages: the hits scoring at least {@code minPassageScore}, best first, at most
 *       {@code maxSources};</li>
 *   <li>insufficient context: no hit reaches {@code minTopScore};</li>
 *   <li>{@code chunks_retrieved} and {@code avg_relevance_score} (rounded to 4 decimals) describe the
 *       offered passages, or, when the context is insufficient, every hit the retriever returned.</li>
 * </ul>
 *
 * <p>Defaults ({@link #DEFAULT_MIN_TOP_SCORE}, {@link #DEFAULT_MIN_PASSAGE_SCORE},
 * {@link #DEFAULT_MAX_SOURCES}) were calibrated with the Lucene retriever on the shared corpus;
 * see {@code core/README.md} for the measurement.
 *
 * @param minTopScore the best hit must reach this score for the context to be sufficient
 * @param minPassageScore a hit below this score is not offered to the generator
 * @param maxSources the most passages offered
 */
public record ScoreThresholdJudge(double minTopScore, double minPassageScore, int maxSources) implements ContextJudge {

  /** The default threshold on the best hit's score. */
  public static final double DEFAULT_MIN_TOP_SCORE = 0.05;
  /** The default floor for an offered passage's score. */
  public static final double DEFAULT_MIN_PASSAGE_SCORE = 0.02;
  /** The default number of passages offered. */
  public static final int DEFAULT_MAX_SOURCES = 5;

  public ScoreThresholdJudge {
    if (!(minTopScore >= 0 && minTopScore <= 1) || !(minPassageScore >= 0 && minPassageScore <= 1)) {
      throw new IllegalArgumentException("score thresholds must be in [0, 1]; got " + minTopScore + ", " + minPassageScore);
    }
    if (minPassageScore > minTopScore) {
      throw new IllegalArgumentException("minPassageScore (" + minPassageScore + ") must not exceed minTopScore ("
          + minTopScore + ")");
    }
    if (maxSources < 1 || maxSources > 50) {
      throw new IllegalArgumentException("maxSources must be 1..50; got " + maxSources);
    }
  }

  /** The calibrated defaults. */
  public static ScoreThresholdJudge defaults() {
    return new ScoreThresholdJudge(DEFAULT_MIN_TOP_SCORE, DEFAULT_MIN_PASSAGE_SCORE, DEFAULT_MAX_SOURCES);
  }

  @Override
  public ContextDecision judge(List<RetrievedPassage> retrieved) {
    double top = retrieved.stream().mapToDouble(RetrievedPassage::score).max().orElse(0);
    if (top < minTopScore) {
      return new ContextDecision(List.of(), new ContextQuality(true, retrieved.size(), average(retrieved)));
    }
    List<RetrievedPassage> offered = retrieved.stream()
        .sorted((a, b) -> Double.compare(b.score(), a.score()))
        .filter(p -> p.score() >= minPassageScore)
        .limit(maxSources)
        .toList();
    return new ContextDecision(offered, new ContextQuality(false, offered.size(), average(offered)));
  }

  static double average(List<RetrievedPassage> passages) {
    double avg = passages.stream().mapToDouble(RetrievedPassage::score).average().orElse(0);
    return Math.round(avg * 10_000) / 10_000.0;
  }
}
