package dev.egretta.core.pipeline;

import dev.egretta.core.internal.Terms;
import dev.egretta.core.spi.RetrievedPassage;
import java.util.Objects;

/**
 * One candidate sentence of a retrieved passage, scored as evidence for a question.
 *
 * @param passageIndex index of the passage in the list the selector was given (0-based)
 * @param passage that passage
 * @param sentenceIndex index of the sentence within the passage ({@link Terms#sentences})
 * @param sentence the sentence, as {@link Terms#sentences} cleaned it (quoted verbatim by the extractive answer)
 * @param similarity cosine of the question's vector (with its query instruction) and the sentence's
 *     vector; {@code NaN} when the sentence was not embedded (no embedder, or not among the
 *     candidates worth embedding)
 * @param coverage weighted share of the question's focus items that the sentence mentions (items
 *     only in a neighbouring sentence count half), in [0, 1]
 * @param answerTypeFound whether the sentence (with its neighbours) holds the kind of answer asked for
 * @param score the ranking score: higher is better evidence
 */
public record Evidence(int passageIndex, RetrievedPassage passage, int sentenceIndex, String sentence, double similarity,
    double coverage, boolean answerTypeFound, double score) {

  public Evidence {
    Objects.requireNonNull(passage, "passage");
    Objects.requireNonNull(sentence, "sentence");
    if (passageIndex < 0 || sentenceIndex < 0) {
      throw new IllegalArgumentException("indexes must be >= 0; got " + passageIndex + ", " + sentenceIndex);
    }
    if (!(coverage >= 0 && coverage <= 1.0 + 1e-9)) {
      throw new IllegalArgumentException("coverage must be in [0, 1]; got " + coverage);
    }
  }

  /** Whether the sentence was compared with the question by embedding. */
  public boolean embedded() {
    return !Double.isNaN(similarity);
  }
}
