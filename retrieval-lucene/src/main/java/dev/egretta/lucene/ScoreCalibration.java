package dev.egretta.lucene;

/**
 * Maps a passage's cosine similarity to the query (the dense evidence, which unlike BM25 is on the
 * same scale for every query) to a relevance score in [0, 1]:
 * {@code 1 / (1 + exp(-slope * (cosine - midpoint)))}. The ranking stays the fused one: a hit's
 * score is capped by the score of the hit ranked above it, so scores never increase down the
 * list. The defaults were fitted for bge-small-en-v1.5 (see the module README); set your own
 * for another embedding model.
 *
 * @param midpoint the cosine at which a passage is as likely relevant as not (score 0.5)
 * @param slope how fast the score rises around the midpoint, &gt; 0
 */
public record ScoreCalibration(double midpoint, double slope) {
  /**
   * The default for bge-small-en-v1.5: the calibration the engine's insufficient-context threshold
   * and relevance labels were measured with (core/README.md). See the module README for why it is
   * not {@link #BGE_SMALL_EN_V15_SCIFACT_TRAIN}. Bare questions (no instruction prefix) have cosines
   * about 0.026 higher than prefixed ones: this is the earlier (0.74, 25) moved by the SciFact fit's
   * own change (midpoint 0.8322 → 0.8581, slope 32.56 → 32.25), so a passage keeps its score.
   */
  public static final ScoreCalibration BGE_SMALL_EN_V15 = new ScoreCalibration(0.765, 25.0);

  /**
   * Logistic regression of "judged relevant" on cosine over SciFact's train queries
   * ({@code eval/bin/run CalibrationFit}). SciFact judges few abstracts per claim, so this fit is strict:
   * on policy documents it scored answers found first by both rankers as irrelevant.
   */
  public static final ScoreCalibration BGE_SMALL_EN_V15_SCIFACT_TRAIN = new ScoreCalibration(0.8581, 32.25);

  public ScoreCalibration {
    if (!(midpoint > -1 && midpoint < 1)) {
      throw new IllegalArgumentException("midpoint must be a cosine in (-1, 1); got " + midpoint);
    }
    if (!(slope > 0 && slope < 1000)) {
      throw new IllegalArgumentException("slope must be in (0, 1000); got " + slope);
    }
  }

  /** The score of one cosine similarity, before the monotone cap. */
  public double score(double cosine) {
    return 1.0 / (1.0 + Math.exp(-slope * (cosine - midpoint)));
  }
}
