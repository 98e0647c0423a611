package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The embedder of a one-off run, whose session uses the model's weights as stored instead of repacking
 * them for the CPU's kernels, gives the same vectors, to the bit, as the process-wide one (which kind
 * of process embedded a question must never show in a ranking).
 */
class OneOffRunEmbedderTest {
  private static final List<String> TEXTS = List.of(
      "How often must access rights be reviewed?",
      "Backups are tested at least once a quarter and restored to an isolated environment.",
      "Which encryption algorithm protects data at rest?",
      "The recovery time objective for payment processing is four hours, measured from the declaration"
          + " of a disaster; the recovery point objective is fifteen minutes of transactions.");

  @Test
  void weightsUsedAsStoredGiveTheRepackedSessionsVectors() {
    OnnxBgeEmbedder repacked = OnnxBgeEmbedder.shared();
    OnnxBgeEmbedder asStored = new OnnxBgeEmbedder(2, true);
    try {
      List<float[]> passages = asStored.embedPassages(TEXTS);
      List<float[]> expected = repacked.embedPassages(TEXTS);
      for (int i = 0; i < TEXTS.size(); i++) {
        assertThat(passages.get(i)).as("passage %d", i).containsExactly(expected.get(i));
        assertThat(asStored.embedQuery(TEXTS.get(i))).as("query %d", i).containsExactly(repacked.embedQuery(TEXTS.get(i)));
      }
    } finally {
      asStored.close();
    }
  }
}
