package dev.egretta.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egretta.lucene.LuceneConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Verifies the expected relevance of every experiment in a regression config (Anserini style:
 * one file lists dataset, split, retriever, expected metrics and a tolerance) and exits non-zero
 * when any metric is off by more than its tolerance. Indexes are cached (see
 * {@link BeirEvaluator#defaultIndexDir}), so only the first run embeds.
 *
 * <p>{@code RegressionRunner [--data DIR] [--config FILE] [--only DATASET]}; {@code --data}
 * holds the datasets by name (default {@code ../shared/eval}); {@code --config} defaults to the
 * bundled {@code regressions.json}.
 */
public final class RegressionRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One checked metric. */
  public record Check(String dataset, String split, String retriever, String metric, double expected, double actual, double tolerance) {
    public boolean passed() {
      return Math.abs(actual - expected) <= tolerance + 1e-9;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-4s %-10s %-11s %-14s %-10s expected %.4f ± %.4f, got %.4f",
          passed() ? "OK" : "FAIL", dataset, split, retriever, metric, expected, tolerance, actual);
    }
  }

  private RegressionRunner() {}

  /** Runs every experiment of {@code config} whose dataset matches {@code only} (null = all). */
  public static List<Check> run(JsonNode config, Path dataRoot, String only, PrintStream log) {
    List<Check> checks = new ArrayList<>();
    double defaultTolerance = config.path("tolerance").asDouble(0.01);
    for (JsonNode dataset : config.path("datasets")) {
      String name = dataset.get("name").asText();
      if (only != null && !only.equals(name)) {
        continue;
      }
      String split = dataset.path("split").asText("test");
      LuceneConfig lucene = LuceneConfig.builder()
          .chunkTokens(dataset.path("chunk_tokens").asInt(256))
          .chunkOverlapTokens(dataset.path("overlap_tokens").asInt(32))
          .build();
      try (BeirEvaluator eval = BeirEvaluator.open(dataRoot.resolve(name), split, null, lucene)) {
        eval.index(log);
        for (JsonNode run : dataset.path("runs")) {
          // A part a run does not name is the engine's default (no retriever, no rerank = the default pipeline).
          EvalPipeline pipeline = EvalPipeline.of(text(run, "retriever"), text(run, "rerank"));
          String retriever = run.has("retriever") || run.has("rerank") ? pipeline.name() : "default";
          // "queries": "heldout" judges only the fifth of the questions RelevanceFit never fits on.
          boolean heldOut = "heldout".equals(text(run, "queries"));
          if (!heldOut && run.hasNonNull("queries")) {
            throw new IllegalArgumentException("a run's queries must be \"heldout\" or absent (all); got " + run.get("queries"));
          }
          Metrics m = heldOut ? eval.evaluate(pipeline, RelevanceFit::heldOut) : eval.evaluate(pipeline);
          String part = heldOut ? split + "-heldout" : split;
          log.println(name + " " + part + " " + retriever + " (" + pipeline.name() + "): " + m);
          double tolerance = run.path("tolerance").asDouble(defaultTolerance);
          for (Iterator<Map.Entry<String, JsonNode>> it = run.path("expected").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            checks.add(new Check(name, part, retriever, e.getKey(), e.getValue().asDouble(), m.get(e.getKey()), tolerance));
          }
        }
      }
    }
    return checks;
  }

  private static String text(JsonNode run, String field) {
    return run.hasNonNull(field) ? run.get(field).asText() : null;
  }

  public static void main(String[] args) throws IOException {
    Path data = Path.of("../shared/eval");
    Path configFile = null;
    String only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]);
        case "--config" -> configFile = Path.of(args[++i]);
        case "--only" -> only = args[++i];
        default -> {
          System.err.println("usage: RegressionRunner [--data DIR] [--config FILE] [--only DATASET]");
          System.exit(2);
        }
      }
    }
    JsonNode config;
    if (configFile != null) {
      config = JSON.readTree(Files.readAllBytes(configFile));
    } else {
      try (InputStream in = RegressionRunner.class.getResourceAsStream("regressions.json")) {
        config = JSON.readTree(in);
      }
    }
    List<Check> checks = run(config, data, only, System.err);
    checks.forEach(System.out::println);
    long failed = checks.stream().filter(c -> !c.passed()).count();
    System.out.println(failed == 0 ? "all " + checks.size() + " checks passed" : failed + " of " + checks.size() + " checks FAILED");
    System.exit(failed == 0 && !checks.isEmpty() ? 0 : 1);
  }
}
