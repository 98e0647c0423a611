package dev.egretta.eval.answerability;

import dev.egretta.core.pipeline.AnswerabilityFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One labelled answerability case: a question and the passages the engine would offer for it.
 *
 * @param id question id (plus {@code /removed} for a gold-removal case)
 * @param source {@code obliqa} or {@code pdf-qa}
 * @param heldout whether the case is kept out of the fit
 * @param answerable the label
 * @param floorFlagged whether the score floor alone already flags it (then {@code features} is null)
 * @param features the answerability features, or null
 */
record FitCase(String id, String source, boolean heldout, boolean answerable, boolean floorFlagged, double[] features) {

  static final String HEADER = "id\tsource\theldout\tanswerable\tfloor_flagged\t" + String.join("\t", AnswerabilityFeatures.NAMES);

  String toTsv() {
    StringBuilder b = new StringBuilder(id).append('\t').append(source).append('\t').append(heldout ? 1 : 0).append('\t')
        .append(answerable ? 1 : 0).append('\t').append(floorFlagged ? 1 : 0);
    for (int i = 0; i < AnswerabilityFeatures.NAMES.size(); i++) {
      b.append('\t').append(features == null ? "NaN" : String.format(Locale.ROOT, "%.6f", features[i]));
    }
    return b.toString();
  }

  /** Where {@link AnswerabilityFit} caches its cases unless {@code --cases} says otherwise. */
  static Path defaultFile() {
    return Path.of(System.getProperty("java.io.tmpdir"), "egretta-eval", "answerability-cases.tsv");
  }

  /**
   * The cases of a file written with {@link #HEADER}. A file of other features (written before a feature
   * was added) is refused naming the fix, rather than read into misaligned columns.
   */
  static List<FitCase> readAll(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    if (lines.isEmpty() || !lines.getFirst().equals(HEADER)) {
      throw new IllegalArgumentException(file + " holds other features than " + AnswerabilityFeatures.NAMES
          + ": rebuild it (answerability.AnswerabilityFit --rebuild --cases " + file + ")");
    }
    return lines.stream().skip(1).map(FitCase::fromTsv).toList();
  }

  static FitCase fromTsv(String line) {
    String[] f = line.split("\t");
    boolean floor = f[4].equals("1");
    double[] x = floor ? null : Arrays.stream(f, 5, f.length).mapToDouble(Double::parseDouble).toArray();
    return new FitCase(f[0], f[1], f[2].equals("1"), f[3].equals("1"), floor, x);
  }

  /** Held out when the id's hash falls in the last fifth: stable across runs and machines. */
  static boolean heldOut(String questionId) {
    return Math.floorMod(questionId.hashCode(), 5) == 0;
  }
}
