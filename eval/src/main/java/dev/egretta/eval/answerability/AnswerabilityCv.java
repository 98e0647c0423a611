package dev.egretta.eval.answerability;

import dev.egretta.core.pipeline.AnswerabilityFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares feature sets for the answerability fit by 5-fold cross-validation on the training
 * parts only (ObliQA 4/5 and pdf-qa dev; the held-out cases are never read), folds by question
 * (a gold-removal pair stays in one fold). Each fold is fitted as {@link AnswerabilityFit} fits
 * (weights, λ, threshold at 5 % of its PDF answerable cases, out of fold) and predicts the other fold.
 * Per source it prints the unanswerable cases flagged with the fold thresholds (and the answerable
 * ones flagged), and the unanswerable flagged when the pooled out-of-fold probabilities are cut so
 * that exactly 5 % of the source's answerable cases are flagged.
 *
 * <pre>
 * eval/bin/run answerability.AnswerabilityCv [--cases FILE] [--base name,...] [--try name,name,...] [--seed S]
 * </pre>
 *
 * Compares {@link AnswerabilityFit#FEATURES} (plus the {@code --base} ones), it plus each {@code --try} feature alone, and it plus
 * all of them (features of {@link AnswerabilityFeatures#NAMES}, cached in the cases file); {@code
 * --seed} draws other folds, to see how much of a difference is the folds' chance.
 */
public final class AnswerabilityCv {
  static final int FOLDS = 5;
  /** The shares of answerable cases flagged at which the pooled out-of-fold cut is reported. */
  static final double[] RATES = {0.025, AnswerabilityFit.MAX_FALSE_FLAGS, 0.075, 0.10};

  private AnswerabilityCv() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> a = CommandLine.parseOrExit(args, Set.of("cases", "try", "seed", "base"), Set.of(),
        "eval/bin/run answerability.AnswerabilityCv [--cases FILE] [--base name,...] [--try name,name,...] [--seed S]");
    Path cases = Path.of(a.getOrDefault("cases", FitCase.defaultFile().toString()));
    if (!Files.exists(cases)) {
      System.err.println("no cases at " + cases + ": build them with answerability.AnswerabilityFit --rebuild --cases " + cases);
      System.exit(2);
    }
    List<FitCase> train;
    try {
      train = FitCase.readAll(cases).stream().filter(c -> !c.heldout() && !c.floorFlagged()).toList();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    String seed = a.getOrDefault("seed", "cv");
    List<String> extra = a.containsKey("try") ? Arrays.stream(a.get("try").split(",")).map(String::strip).toList() : List.of();
    List<String> base = plus(AnswerabilityFit.FEATURES, a.containsKey("base")
        ? Arrays.stream(a.get("base").split(",")).map(String::strip).toList() : List.of());
    int[] folds = train.stream().mapToInt(c -> fold(c, seed)).toArray();
    report(a.containsKey("base") ? "FEATURES + " + a.get("base") : "FEATURES", base, train, folds);
    for (String f : extra) {
      report("+ " + f, plus(base, List.of(f)), train, folds);
    }
    if (extra.size() > 1) {
      report("+ all tried", plus(base, extra), train, folds);
    }
  }

  private static List<String> plus(List<String> base, List<String> more) {
    List<String> out = new ArrayList<>(base);
    more.stream().filter(f -> !out.contains(f)).forEach(out::add);
    return out;
  }

  /** The fold of a case: by its question, so that a question's answerable and removed cases share it. */
  static int fold(FitCase c, String seed) {
    String question = c.id().replaceFirst("/removed$", "");
    // mixed (SplitMix64's finaliser): string hashes of "q#1" and "q#2" differ by a constant, which would only rename the folds
    long z = (question.hashCode() * 0x9E3779B97F4A7C15L) ^ seed.hashCode();
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (int) Math.floorMod(z ^ (z >>> 31), (long) FOLDS);
  }

  private static void report(String label, List<String> features, List<FitCase> train, int[] folds) {
    int[] columns = AnswerabilityFit.columns(features);
    double[] p = new double[train.size()];
    boolean[] flagged = new boolean[train.size()];
    for (int fold = 0; fold < FOLDS; fold++) {
      List<FitCase> fitted = new ArrayList<>();
      for (int i = 0; i < train.size(); i++) {
        if (folds[i] != fold) {
          fitted.add(train.get(i));
        }
      }
      AnswerabilityFit.Fitted f = AnswerabilityFit.fit(fitted, columns);
      for (int i = 0; i < train.size(); i++) {
        if (folds[i] == fold) {
          p[i] = f.model().probability(AnswerabilityFit.project(train.get(i).features(), columns));
          flagged[i] = p[i] < f.threshold();
        }
      }
    }
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-32s", label));
    for (String source : List.of("pdf-qa", "obliqa")) {
      int un = 0;
      int unFlagged = 0;
      int ans = 0;
      int ansFlagged = 0;
      List<Double> ansP = new ArrayList<>();
      for (int i = 0; i < train.size(); i++) {
        FitCase c = train.get(i);
        if (c.source().equals(source)) {
          if (c.answerable()) {
            ans++;
            ansFlagged += flagged[i] ? 1 : 0;
            ansP.add(p[i]);
          } else {
            un++;
            unFlagged += flagged[i] ? 1 : 0;
          }
        }
      }
      ansP.sort(Comparator.naturalOrder());
      b.append(String.format(Locale.ROOT, " | %s: %d/%d at %d/%d; at", source, unFlagged, un, ansFlagged, ans));
      for (double rate : RATES) {
        // the cut that flags this share of the answerable cases (those strictly below it)
        double cut = ansP.isEmpty() ? 0 : ansP.get((int) Math.floor(rate * ansP.size()));
        int flaggedAtRate = 0;
        for (int i = 0; i < train.size(); i++) {
          FitCase c = train.get(i);
          flaggedAtRate += c.source().equals(source) && !c.answerable() && p[i] < cut ? 1 : 0;
        }
        b.append(String.format(Locale.ROOT, " %.1f%%: %d/%d (%.1f%%)", 100 * rate, flaggedAtRate, un,
            un == 0 ? 0 : 100.0 * flaggedAtRate / un));
      }
    }
    System.out.println(b);
  }
}
