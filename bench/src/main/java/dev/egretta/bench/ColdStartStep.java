package dev.egretta.bench;

import static dev.egretta.bench.Report.fmt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Step 4: open an existing index in a fresh JVM and answer the first question (extractive generator). */
final class ColdStartStep {
  private final BenchOptions options;
  private final ChildJvm jvm;
  private final Report report;
  private final Map<String, Object> raw;

  ColdStartStep(BenchOptions options, ChildJvm jvm, Report report, Map<String, Object> raw) {
    this.options = options;
    this.jvm = jvm;
    this.report = report;
    this.raw = raw;
  }

  void run(Path corpus, Path existingIndex) throws Exception {
    Path index = existingIndex;
    if (index == null || !Files.isDirectory(index)) {
      index = options.workDir().resolve("coldstart-index");
      jvm.run("egretta", BenchRunner.HEAP, BenchRunner.minutes(20),
          BenchRunner.args(corpus, index, options.workDir().resolve("coldstart-texts.json"), 0, 1));
    }
    List<ChildJvm.Result> runs = new ArrayList<>();
    for (int rep = 0; rep < options.repetitions(); rep++) {
      runs.add(jvm.run("coldstart", BenchRunner.HEAP, BenchRunner.minutes(5), BenchRunner.args(index)));
    }
    raw.put("coldStart", runs.stream().map(ChildJvm.Result::values).toList());
    double jvmToAnswer = SideBySide.median(runs, r -> r.number("jvmStartToAnswerSeconds"));
    report.add(new Report.Section("Cold start",
        "A fresh JVM opens the index built by the ingestion step, builds the engine with the default extractive "
            + "generator and answers the first question of the set (`EgrettaEngine.query`, compliance mode). Medians of "
            + options.repetitions() + " runs.",
        List.of("phase", "seconds"),
        List.of(
            List.of("JVM start to `main`", fmt(SideBySide.median(runs, r -> r.number("jvmStartToMainSeconds")))),
            List.of("open the index + build the engine", fmt(SideBySide.median(runs, r -> r.number("openSeconds")))),
            List.of("first query (embeds, searches, answers; the model loaded while the index opened)",
                fmt(SideBySide.median(runs, r -> r.number("firstQuerySeconds")))),
            List.of("**JVM start to first answer**", fmt(jvmToAnswer)),
            List.of("whole child process, launch to exit (parent's view)", fmt(SideBySide.median(runs, ChildJvm.Result::processSeconds)))),
        List.of()));
    report.target("cold start <= 2 s (#8)", jvmToAnswer, 2.0, true, " s", "JVM start to first answer");
  }
}
