package dev.egretta.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one command of the bench (see {@code bench/README.md}): ingestion and query latency side by side
 * with LangChain4j Easy RAG, the embedding-only reference, cold start, SciFact latency, synthetic scale
 * curves and JMH microbenchmarks, in one process tree and one run; writes {@code RESULTS.md}, the
 * latency plot and the raw figures (JSON) to the results folder.
 */
public final class BenchRunner {
  static final String HEAP = "2g";
  private static final System.Logger LOG = System.getLogger(BenchRunner.class.getName());

  private final BenchOptions options;
  private final ChildJvm jvm;
  private final Report report;
  private final Map<String, Object> raw = new LinkedHashMap<>();
  private final IngestFigures ingest = new IngestFigures();
  private Path egrettaIndex;
  private long start;
  private boolean finished;

  BenchRunner(BenchOptions options, String command) {
    this.options = options;
    this.jvm = new ChildJvm(options.outDir().resolve("raw"));
    this.report = new Report(command, MachineInfo.describe());
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    String command = "bench/run.sh" + (args.length == 0 ? "" : " " + String.join(" ", args));
    Report r = new BenchRunner(options, command).run();
    System.exit(r.failures().isEmpty() ? 0 : 1);
  }

  Report run() throws IOException {
    start = System.nanoTime();
    deleteQuietly(options.outDir().resolve("raw")); // no stale reports of an earlier run among this run's
    Files.createDirectories(options.outDir().resolve("raw"));
    Files.createDirectories(options.workDir());
    Path corpus = options.shared().resolve("corpus");
    try {
      if (options.runs("ingest")) {
        step("ingestion and query latency side by side", () -> new SideBySide(options, jvm, report, raw, ingest).run(corpus));
        egrettaIndex = ingest.keptIndex;
      }
      if (options.runs("coldstart")) {
        step("cold start", () -> new ColdStartStep(options, jvm, report, raw).run(corpus, egrettaIndex));
      }
      if (options.runs("scifact")) {
        step("SciFact latency", () -> new SciFactStep(options, jvm, report, raw).run());
      }
      if (options.runs("jmh")) {
        step("JMH microbenchmarks", () -> new JmhStep(options, report, raw).run());
      }
      if (options.runs("synthetic")) {
        step("scale curves", () -> new ScaleCurves(options, jvm, report, raw, this::writeResults).run());
      }
    } finally {
      deleteQuietly(options.workDir());
    }
    finished = true;
    writeResults();
    LOG.log(System.Logger.Level.INFO, "results written to " + options.outDir().resolve("RESULTS.md"));
    return report;
  }

  /** Writes RESULTS.md and the raw figures; called after every step, so that a cut-short run leaves what it measured. */
  private void writeResults() throws IOException {
    Report r = report;
    String status = String.format("%s run: %.1f minutes%s (%s).", finished ? "Whole" : "PARTIAL (still running or cut short)",
        (System.nanoTime() - start) / 60e9, finished ? "" : " so far",
        options.quick() ? "--quick: 1 repetition, 10k synthetic chunks only, short JMH"
            : "full run, medians of " + options.repetitions() + " repetitions");
    String md = r.toMarkdown(List.of(status,
        "The machine's 2 cores were shared with other agents' builds and tests during the session, so absolute times "
            + "drift between runs; the ratios compare sides measured minutes apart in the same run, in alternating order."));
    Files.writeString(options.outDir().resolve("RESULTS.md"), md);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(options.outDir().resolve("raw").resolve("figures.json").toFile(), raw);
  }

  /** A step of the run; a failure is recorded in the results and the run goes on. */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  private void step(String name, Step step) {
    LOG.log(System.Logger.Level.INFO, "== " + name);
    long t = System.nanoTime();
    try {
      step.run();
    } catch (Exception | Error e) {
      LOG.log(System.Logger.Level.ERROR, name + " failed", e);
      report.failure(name, e);
    }
    LOG.log(System.Logger.Level.INFO, String.format("== %s took %.1f s", name, (System.nanoTime() - t) / 1e9));
    try {
      writeResults();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot write the results: " + e.getMessage());
    }
  }

  /** Saves what has been measured so far. */
  @FunctionalInterface
  interface Checkpoint {
    void save() throws IOException;
  }

  /** Figures of the side-by-side step that later steps reuse. */
  static final class IngestFigures {
    Path keptIndex;
  }

  static Duration minutes(long m) {
    return Duration.ofMinutes(m);
  }

  static List<String> args(Object... values) {
    List<String> out = new ArrayList<>();
    for (Object v : values) {
      out.add(String.valueOf(v));
    }
    return out;
  }

  static void deleteQuietly(Path dir) {
    try {
      if (Files.exists(dir)) {
        try (var files = Files.walk(dir)) {
          for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not delete " + dir + ": " + e.getMessage());
    }
  }
}
