package dev.egretta.eval.answers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Verifies the expected answer-level figures of the {@code "answers"} runs of a regression config
 * ({@code regressions.json}: question file, expected metrics, tolerance) with the default engine
 * (extractive generator) over an index of {@code ../shared/corpus}, and exits non-zero when a figure is
 * off by more than its tolerance.
 *
 * <p>{@code AnswerRegressions --index DIR [--config FILE] [--root DIR]}; {@code --index} is an index of
 * the corpus ({@code egretta index ../shared/corpus --index DIR}); question files are resolved against
 * {@code --root} (default: the working directory, the repository root).
 */
public final class AnswerRegressions {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One checked figure. */
  public record Check(String questions, String metric, double expected, double actual, double tolerance) {
    public boolean passed() {
      return Math.abs(actual - expected) <= tolerance + 1e-9;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-4s %-28s %-26s expected %.4f ± %.4f, got %.4f", passed() ? "OK" : "FAIL",
          questions, metric, expected, tolerance, actual);
    }
  }

  private AnswerRegressions() {}

  /** Runs every {@code "answers"} entry of {@code config} over the index. */
  public static List<Check> run(JsonNode config, Path index, Path root) {
    List<Check> checks = new ArrayList<>();
    for (JsonNode run : config.path("answers")) {
      String file = run.get("questions").asText();
      List<AnswerRow> rows;
      try (AnswerEvaluator eval = AnswerEvaluator.open(LuceneKnowledgeBase.open(index), b -> {})) {
        rows = eval.evaluate(AnswerQuestions.read(root.resolve(file)), r -> {});
      }
      Map<String, Number> actual = AnswerMetrics.of(rows).byName();
      for (Iterator<Map.Entry<String, JsonNode>> it = run.path("expected").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!actual.containsKey(e.getKey())) {
          throw new IllegalArgumentException("unknown answer metric '" + e.getKey() + "'; known: " + actual.keySet());
        }
        double tolerance = run.path("tolerance").path(e.getKey()).asDouble(0);
        checks.add(new Check(file, e.getKey(), e.getValue().asDouble(), actual.get(e.getKey()).doubleValue(), tolerance));
      }
    }
    return checks;
  }

  public static void main(String[] args) throws IOException {
    Path index = null;
    Path configFile = null;
    Path root = Path.of("");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--index" -> index = Path.of(args[++i]);
        case "--config" -> configFile = Path.of(args[++i]);
        case "--root" -> root = Path.of(args[++i]);
        default -> usage();
      }
    }
    if (index == null || !Files.isDirectory(index)) {
      usage();
    }
    JsonNode config;
    if (configFile != null) {
      config = JSON.readTree(Files.readAllBytes(configFile));
    } else {
      try (InputStream in = AnswerRegressions.class.getResourceAsStream("/dev/egretta/eval/regressions.json")) {
        config = JSON.readTree(in);
      }
    }
    List<Check> checks = run(config, index, root);
    checks.forEach(System.out::println);
    long failed = checks.stream().filter(c -> !c.passed()).count();
    System.out.println(failed == 0 ? "all " + checks.size() + " checks passed" : failed + " of " + checks.size() + " checks FAILED");
    System.exit(failed == 0 && !checks.isEmpty() ? 0 : 1);
  }

  private static void usage() {
    System.err.println("usage: AnswerRegressions --index DIR [--config FILE] [--root DIR]  (DIR: an index of ../shared/corpus)");
    System.exit(2);
  }
}
