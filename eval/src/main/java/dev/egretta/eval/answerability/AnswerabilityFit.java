package dev.egretta.eval.answerability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egretta.core.pipeline.AnswerabilityFeatures;
import dev.egretta.core.pipeline.AnswerabilityJudge;
import dev.egretta.core.pipeline.AnswerabilityModel;
import dev.egretta.core.pipeline.EvidenceSelector;
import dev.egretta.core.pipeline.ScoreThresholdJudge;
import dev.egretta.eval.BeirEvaluator;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits the answerability model ({@code core/src/main/resources/dev/egretta/core/pipeline/answerability.json}).
 *
 * <pre>
 * eval/bin/run answerability.AnswerabilityFit [--obliqa ../shared/eval/obliqa] [--obliqa-index DIR] [--corpus ../shared/corpus]
 *                  [--corpus-index DIR] [--questions eval/pdf-qa] [--cases FILE] [--rebuild] [--max-questions N]
 *                  [--out core/src/main/resources/dev/egretta/core/pipeline/answerability.json]
 * </pre>
 *
 * Cases: ObliQA dev gold removal ({@link GoldRemovalCases}) and {@code dev.jsonl} of the PDF
 * question set ({@link PdfQaCases}); a fifth of the ObliQA questions (by id hash) is held out, and
 * {@code heldout.jsonl} is only reported on. Cases are cached in {@code --cases} (re-used unless
 * {@code --rebuild}). The fit: L2 logistic regression (λ = 0.01) on standardised features, the PDF
 * cases weighted to half of the total (the targets are about PDFs like them; ObliQA labels are
 * noisier). The threshold is set on the PDF questions' answerable training cases alone, on their
 * out-of-fold probabilities (5 folds, {@value #THRESHOLD_DRAWS} draws of the folds pooled; a model is
 * optimistic about the cases it was fitted on): halfway between the probabilities of the last case it
 * may flag and the next, flagging at most 5 % of them.
 * Those are the documents the engine is for and its targets are measured on; set by all answerable
 * cases pooled (weighted as in the fit), ObliQA's gold-removal cases, which are harder and whose
 * labels are noisier, held the PDF operating point down to where no PDF answerable case was flagged
 * and fewer than half of the near-topic ones were. Without PDF cases the pooled 5th percentile is used.
 */
public final class AnswerabilityFit {
  static final double LAMBDA = 0.01;
  static final double MAX_FALSE_FLAGS = 0.05;
  static final double PDF_SHARE = 0.5;
  /** ObliQA dev questions used (a stable sample mixing its groups; 0 = all 2,788): about 6 minutes on 2 cores. */
  static final int MAX_QUESTIONS = 2000;
  /**
   * The features the fit keeps (all of {@link AnswerabilityFeatures#NAMES} are computed and cached):
   * the first 16, two of the window features, and the topic features with their interactions with
   * whether a kind of answer is asked. Chosen by 5-fold cross-validation on the training parts only
   * (ObliQA 4/5, pdf-qa dev; folds by question), comparing the unanswerable cases flagged at 5 % of
   * answerable ones flagged: pdf-qa dev 17 of 42 against 14 of 42 without the topic features, ObliQA
   * 533 of 1,612 against 551 (at 145 against 152 of 1,278 answerable flagged); a gradient-boosted
   * tree ensemble (depth 2 and 3) flagged no more and more answerable ones. topic_missing_share is
   * left out: collinear with the coverages, it was fitted with the wrong sign (more of the topic
   * missing, more answerable) and so judged an off-topic suggestion answerable in
   * BedrockModelAssistTest; without it CV gives 17 of 42 and ObliQA 520 of 1,612 at 145.
   *
   * <p>The asked-noun features ({@link AnswerabilityCv}, on the cases of the convex fusion's order;
   * pooled out-of-fold probabilities cut at exactly 5 % of each source's answerable cases, mean of 5
   * fold draws, --seed cv,1,2,3,4): these FEATURES flag pdf-qa dev 18.4 of 42 and ObliQA 200.6 of 1,605.
   * counted_value_absent ("how many N" and no number counting N) is kept: 21.8 and 213.4, better on
   * both in every draw. asked_noun_missing (the noun after the question word in no passage; it
   * separates pdf-qa dev, 50 % of unanswerable against 16 % of answerable, but not ObliQA, 26 % and
   * 25 %) gave 18.4 and 203.6 alone, 21.6 and 207.2 after counted_value_absent: left out.
   * asked_noun_in_typed_window gave 19.0 and 202.4 alone, 23.2 and 217.4 after counted_value_absent,
   * but worse in one draw on each set, within the draws' spread (one set's ObliQA figure moves by up
   * to 25 between draws), and flagged more answerable ObliQA cases at the folds' own thresholds (160
   * against 154 of 1,327): left out. At the folds' own thresholds (the operating point, where about
   * 11 % of ObliQA's answerable cases are flagged) counted_value_absent gains on pdf-qa (18.2 of 42 at
   * 0.4 of 56 answerable flagged, against 17.0 at 0.8) but not on ObliQA (506.0 of 1,605 at 153.8,
   * against 508.8 at 150.4); the refit's held-out figures agree (eval README, core/ANSWERABILITY-HISTORY.md).
   *
   * <p>typed_topic_sentence (2026-12-07: the topic coverage of one sentence alone, not its window, among
   * those holding the kind of answer asked for; the asked value and the topic in the same sentence) is
   * kept: at exactly 5 % of each source's answerable cases, 5 fold draws (--seed 0 7 11 3 5), pdf-qa dev
   * 136 → 155 of 5 × 49 (better in every draw), ObliQA 1,635 → 1,610 of 5 × 1,612 (within the draws' spread).
   */
  static final List<String> FEATURES = java.util.stream.Stream.of(AnswerabilityFeatures.NAMES.stream().limit(16),
      java.util.stream.Stream.of("typed_window_coverage", "best_type_found"),
      AnswerabilityFeatures.NAMES.subList(AnswerabilityFeatures.NAMES.indexOf("topic_union_coverage"),
          AnswerabilityFeatures.NAMES.indexOf("typed_x_joint_gap") + 1).stream()
          .filter(f -> !f.equals("topic_missing_share")),
      java.util.stream.Stream.of("counted_value_absent", "typed_topic_sentence"))
      .flatMap(s -> s).toList();

  /** The features do not depend on the coefficients; cases are built with these, whatever the resource holds. */
  private static final AnswerabilityModel NEUTRAL = new AnswerabilityModel(AnswerabilityFeatures.NAMES,
      new double[AnswerabilityFeatures.NAMES.size()], java.util.stream.DoubleStream.generate(() -> 1)
          .limit(AnswerabilityFeatures.NAMES.size()).toArray(), new double[AnswerabilityFeatures.NAMES.size()], 0, 0.5);

  private AnswerabilityFit() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> a = CommandLine.parseOrExit(args,
        Set.of("obliqa", "obliqa-index", "corpus", "corpus-index", "questions", "cases", "out", "max-questions", "features",
            "embedded"),
        Set.of("rebuild"), "eval/bin/run answerability.AnswerabilityFit [--rebuild] [--max-questions N] [--obliqa DIR]"
            + " [--obliqa-index DIR] [--corpus DIR] [--corpus-index DIR] [--questions DIR] [--cases FILE] [--out FILE]"
            + " [--features a,b,...] [--embedded N]");
    // how many sentences the evidence selector embeds per question when cases are built (an experiment;
    // the engine embeds EvidenceSelector.DEFAULT_EMBEDDED_CANDIDATES)
    int embedded = CommandLine.intOrExit(a, "embedded", EvidenceSelector.DEFAULT_EMBEDDED_CANDIDATES,
        EvidenceSelector.MAX_EMBEDDED_CANDIDATES);
    Path obliqa = Path.of(a.getOrDefault("obliqa", "../shared/eval/obliqa"));
    Path corpus = Path.of(a.getOrDefault("corpus", "../shared/corpus"));
    Path questions = Path.of(a.getOrDefault("questions", "eval/pdf-qa"));
    Path tmp = FitCase.defaultFile().getParent();
    Path cases = Path.of(a.getOrDefault("cases", FitCase.defaultFile().toString()));
    Path out = Path.of(a.getOrDefault("out", "core/src/main/resources/dev/egretta/core/pipeline/answerability.json"));
    List<FitCase> all;
    if (Files.exists(cases) && !a.containsKey("rebuild")) {
      try {
        all = FitCase.readAll(cases);
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        System.exit(2);
        return;
      }
      System.err.println("read " + all.size() + " cases from " + cases + " (--rebuild to recompute)");
    } else {
      all = new ArrayList<>();
      ScoreThresholdJudge floor = AnswerabilityJudge.FLOOR;
      Path obliqaIndex = a.containsKey("obliqa-index") ? Path.of(a.get("obliqa-index"))
          : BeirEvaluator.defaultIndexDir(obliqa, LuceneConfig.defaults());
      // the evaluator's cached index of the dataset (built once, ~2.5 min on 2 cores)
      try (BeirEvaluator eval = BeirEvaluator.open(obliqa, "dev", obliqaIndex, LuceneConfig.defaults())) {
        eval.index(System.err);
      }
      try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(obliqaIndex)) {
        AnswerabilityJudge judge = new AnswerabilityJudge(EvidenceSelector.embedding(kb, embedded), NEUTRAL, floor);
        all.addAll(GoldRemovalCases.build(kb, obliqa, "dev", judge, floor,
            CommandLine.positiveInt(a, "max-questions", MAX_QUESTIONS), System.err));
      }
      if (Files.exists(questions.resolve("dev.jsonl"))) {
        Path corpusIndex = Path.of(a.getOrDefault("corpus-index", tmp.resolve("pdf-corpus").toString()));
        try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(corpusIndex)) {
          kb.ingest(LocalFolderSource.of(corpus), IngestOptions.publicLibrary(), IngestListener.NONE);
          AnswerabilityJudge judge = new AnswerabilityJudge(EvidenceSelector.embedding(kb, embedded), NEUTRAL, floor);
          all.addAll(PdfQaCases.build(kb, questions.resolve("dev.jsonl"), false, judge, floor));
          if (Files.exists(questions.resolve("heldout.jsonl"))) {
            all.addAll(PdfQaCases.build(kb, questions.resolve("heldout.jsonl"), true, judge, floor));
          }
        }
      } else {
        System.err.println("no " + questions.resolve("dev.jsonl") + ": fitting on ObliQA only");
      }
      Files.createDirectories(cases.toAbsolutePath().getParent());
      List<String> lines = new ArrayList<>(List.of(FitCase.HEADER));
      all.forEach(c -> lines.add(c.toTsv()));
      Files.write(cases, lines);
    }
    List<FitCase> train = all.stream().filter(c -> !c.heldout() && !c.floorFlagged()).toList();
    List<String> features = a.containsKey("features") ? java.util.Arrays.stream(a.get("features").split(",")).map(String::strip).toList() : FEATURES;
    int[] columns = columns(features);
    Fitted fitted = fit(train, columns);
    LogisticFit.Model m = fitted.model();
    double threshold = fitted.threshold();
    double pdfWeight = fitted.pdfWeight();
    ObjectNode report = new ObjectMapper().createObjectNode();
    for (String source : List.of("obliqa", "pdf-qa")) {
      for (boolean held : List.of(false, true)) {
        List<FitCase> part = all.stream().filter(c -> c.source().equals(source) && c.heldout() == held).toList();
        if (!part.isEmpty()) {
          report.set(source + (held ? " heldout" : " training"), rates(part, m, threshold, columns));
        }
      }
    }
    write(out, features, m, threshold, report, train.size(), pdfWeight);
    System.out.println(report.toPrettyString());
    System.err.println("wrote " + out);
  }

  /** A fitted model, its threshold and the weight each PDF case had in the fit. */
  record Fitted(LogisticFit.Model model, double threshold, double pdfWeight) {}

  /** The fit on training cases (none floor-flagged) over the feature columns: the PDF cases weighted, the threshold at 5 %. */
  static Fitted fit(List<FitCase> train, int[] columns) {
    double pdfWeight = pdfWeight(train);
    List<Double> ws = weights(train, pdfWeight);
    LogisticFit.Model m = model(train, columns, ws);
    double[] pdf = outOfFoldPdfAnswerable(train, columns);
    return new Fitted(m, pdf.length > 0 ? cut(pdf) : pooledThreshold(train, m, ws, columns), pdfWeight);
  }

  private static LogisticFit.Model model(List<FitCase> train, int[] columns, List<Double> ws) {
    List<double[]> xs = train.stream().map(c -> project(c.features(), columns)).toList();
    List<Integer> ys = train.stream().map(c -> c.answerable() ? 1 : 0).toList();
    return LogisticFit.fit(xs, ys, ws, LAMBDA);
  }

  /** Fold draws whose out-of-fold probabilities are pooled for the threshold. */
  static final int THRESHOLD_DRAWS = 10;

  /**
   * The PDF answerable training cases' probabilities, each from a model fitted without its fold (5 folds by
   * question), over {@link #THRESHOLD_DRAWS} draws of the folds: a case's probability under a model fitted on
   * it is optimistic, and the threshold is meant for questions the model has not seen. One draw alone put the
   * cut wherever the third-lowest of 59 probabilities fell (0.29 to 0.36 for nearly the same cases).
   */
  private static double[] outOfFoldPdfAnswerable(List<FitCase> train, int[] columns) {
    List<Double> out = new ArrayList<>();
    for (int draw = 0; draw < THRESHOLD_DRAWS; draw++) {
      out.addAll(outOfFoldPdfAnswerable(train, columns, draw == 0 ? "threshold" : "threshold" + draw));
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static List<Double> outOfFoldPdfAnswerable(List<FitCase> train, int[] columns, String seed) {
    List<Double> out = new ArrayList<>();
    int[] folds = train.stream().mapToInt(c -> AnswerabilityCv.fold(c, seed)).toArray();
    for (int fold = 0; fold < AnswerabilityCv.FOLDS; fold++) {
      List<FitCase> rest = new ArrayList<>();
      List<FitCase> held = new ArrayList<>();
      for (int i = 0; i < train.size(); i++) {
        FitCase c = train.get(i);
        if (folds[i] != fold) {
          rest.add(c);
        } else if (c.answerable() && c.source().equals("pdf-qa")) {
          held.add(c);
        }
      }
      if (held.isEmpty() || rest.isEmpty()) {
        continue;
      }
      LogisticFit.Model m = model(rest, columns, weights(rest, pdfWeight(rest)));
      held.forEach(c -> out.add(m.probability(project(c.features(), columns))));
    }
    return out;
  }

  /** Each case's weight in the fit: {@code pdfWeight} for a PDF case, 1 for the others. */
  private static List<Double> weights(List<FitCase> cases, double pdfWeight) {
    return cases.stream().map(c -> c.source().equals("pdf-qa") ? pdfWeight : 1.0).toList();
  }

  /** Each PDF case's weight, so that the PDF cases make {@link #PDF_SHARE} of the fit. */
  private static double pdfWeight(List<FitCase> train) {
    double pdf = train.stream().filter(c -> c.source().equals("pdf-qa")).count();
    return pdf == 0 ? 0 : PDF_SHARE / (1 - PDF_SHARE) * (train.size() - pdf) / pdf;
  }

  /** The columns of {@link AnswerabilityFeatures#NAMES} that the named features are. */
  static int[] columns(List<String> features) {
    int[] columns = new int[features.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = AnswerabilityFeatures.NAMES.indexOf(features.get(i).strip());
      if (columns[i] < 0) {
        throw new IllegalArgumentException("--features: unknown feature '" + features.get(i) + "'; known: "
            + AnswerabilityFeatures.NAMES);
      }
    }
    return columns;
  }

  static double[] project(double[] all, int[] columns) {
    double[] x = new double[columns.length];
    for (int i = 0; i < columns.length; i++) {
      x[i] = all[columns[i]];
    }
    return x;
  }

  /**
   * The threshold that flags at most {@link #MAX_FALSE_FLAGS} of the given answerable probabilities: halfway
   * between the last one flagged and the next.
   */
  static double cut(double[] answerable) {
    double[] p = answerable.clone();
    java.util.Arrays.sort(p);
    int flagged = (int) Math.floor(MAX_FALSE_FLAGS * p.length);
    double below = flagged == 0 ? 0 : p[flagged - 1];
    double cut = flagged == p.length ? p[flagged - 1] : (below + p[flagged]) / 2;
    return Math.min(0.95, Math.max(0.05, cut));
  }

  /** Without PDF cases: the 5th (weighted) percentile of all answerable training cases' probabilities. */
  static double pooledThreshold(List<FitCase> train, LogisticFit.Model m, List<Double> ws, int[] columns) {
    List<double[]> pw = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < train.size(); i++) {
      if (train.get(i).answerable()) {
        pw.add(new double[] {m.probability(project(train.get(i).features(), columns)), ws.get(i)});
        total += ws.get(i);
      }
    }
    pw.sort(Comparator.comparingDouble(x -> x[0]));
    double acc = 0;
    for (double[] x : pw) {
      acc += x[1];
      if (acc > MAX_FALSE_FLAGS * total) {
        return Math.min(0.95, Math.max(0.05, x[0]));
      }
    }
    return 0.5;
  }

  private static ObjectNode rates(List<FitCase> part, LogisticFit.Model m, double threshold, int[] columns) {
    int ans = 0;
    int falseFlags = 0;
    int un = 0;
    int flagged = 0;
    int floor = 0;
    for (FitCase c : part) {
      boolean flag = c.floorFlagged() || m.probability(project(c.features(), columns)) < threshold;
      floor += c.floorFlagged() && !c.answerable() ? 1 : 0;
      if (c.answerable()) {
        ans++;
        falseFlags += flag ? 1 : 0;
      } else {
        un++;
        flagged += flag ? 1 : 0;
      }
    }
    ObjectNode n = new ObjectMapper().createObjectNode();
    n.put("answerable", ans);
    n.put("answerable_flagged", falseFlags);
    n.put("answerable_flag_rate", round(ans == 0 ? 0 : (double) falseFlags / ans));
    n.put("unanswerable", un);
    n.put("unanswerable_flagged", flagged);
    n.put("unanswerable_flagged_by_score_floor", floor);
    n.put("unanswerable_flag_rate", round(un == 0 ? 0 : (double) flagged / un));
    return n;
  }

  private static void write(Path out, List<String> features, LogisticFit.Model m, double threshold, ObjectNode report,
      int rows, double pdfWeight)
      throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("about", "Answerability: P(answerable) = sigmoid(bias + sum weights[i] * (x[i] - mean[i]) / scale[i]) over "
        + "AnswerabilityFeatures (evidence of the EvidenceSelector with bge-small-en-v1.5, "
        + EvidenceSelector.DEFAULT_EMBEDDED_CANDIDATES + " embedded sentences); "
        + "insufficient_context when P < threshold. AnswerabilityJudge.FLOOR (top score " + AnswerabilityJudge.FLOOR.minTopScore()
        + ", passages offered from " + AnswerabilityJudge.FLOOR.minPassageScore() + ") applies first.");
    root.put("command", "eval/bin/run answerability.AnswerabilityFit --rebuild (from the repository root; "
        + "--max-questions " + MAX_QUESTIONS + " by default)");
    root.put("data", "ObliQA dev (../shared/eval/obliqa, qrels/dev.tsv) gold removal: answerable = a gold passage among "
        + "the 5 offered; unanswerable = the same 40-hit hybrid list with the gold passages' hits removed (ranks moved "
        + "up, scores re-capped), first 10 kept; 4/5 of the questions by id hash fit, 1/5 held out. Plus eval/pdf-qa/dev.jsonl "
        + "over ../shared/corpus (weighted to " + (int) (PDF_SHARE * 100) + "% of the fit, weight " + round(pdfWeight)
        + " per case) when present; eval/pdf-qa/heldout.jsonl is reported on only.");
    root.put("fit", "L2 logistic regression on " + features.size() + " of the " + AnswerabilityFeatures.NAMES.size()
        + " features (AnswerabilityFit.FEATURES), lambda " + LAMBDA + ", Newton's method, " + rows + " training cases that pass "
        + "the score floor; threshold set on the PDF questions' answerable training cases alone, on their out-of-fold P "
        + "(5 folds, " + THRESHOLD_DRAWS + " fold draws pooled), halfway between the last flagged and the next (max " + (int) (MAX_FALSE_FLAGS * 100)
        + "% of them flagged; ObliQA's cases do not set it)");
    root.put("fitted", LocalDate.now().toString());
    ArrayNode names = root.putArray("features");
    features.forEach(names::add);
    array(root.putArray("mean"), m.mean());
    array(root.putArray("scale"), m.scale());
    array(root.putArray("weights"), m.weights());
    root.put("bias", round(m.bias()));
    root.put("threshold", round(threshold));
    root.set("flag_rates", report);
    Files.writeString(out, json.writeValueAsString(root) + "\n");
  }

  private static void array(ArrayNode a, double[] v) {
    for (double x : v) {
      a.add(round(x));
    }
  }

  private static double round(double x) {
    return Math.round(x * 1e6) / 1e6;
  }

}
