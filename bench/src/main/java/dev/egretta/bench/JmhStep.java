package dev.egretta.bench;

import static dev.egretta.bench.Report.fmt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Step 5: the JMH microbenchmarks of the hot paths, in forked JVMs, summarised in the results. */
final class JmhStep {
  /** Every benchmark class of the bench module matches this. */
  static final String INCLUDE = "dev\\.egretta\\..*Benchmark.*";

  private final BenchOptions options;
  private final Report report;
  private final Map<String, Object> raw;

  JmhStep(BenchOptions options, Report report, Map<String, Object> raw) {
    this.options = options;
    this.report = report;
    this.raw = raw;
  }

  static Options options(boolean quick, java.nio.file.Path shared) {
    return new OptionsBuilder()
        .include(INCLUDE)
        .forks(1)
        .warmupIterations(quick ? 1 : 2)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(quick ? 2 : 3)
        .measurementTime(TimeValue.seconds(1))
        .jvmArgsAppend("--add-modules", "jdk.incubator.vector", "-Xmx1g",
            "-Degretta.shared=" + shared.toAbsolutePath().normalize())
        .shouldFailOnError(true)
        .build();
  }

  void run() throws Exception {
    Collection<RunResult> results = new Runner(options(options.quick(), options.shared())).run();
    List<List<String>> rows = new ArrayList<>();
    List<Map<String, Object>> rawRows = new ArrayList<>();
    for (RunResult r : results) {
      Result<?> primary = r.getPrimaryResult();
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      StringBuilder params = new StringBuilder();
      for (String key : r.getParams().getParamsKeys()) {
        params.append(params.isEmpty() ? "" : ", ").append(key).append('=').append(r.getParams().getParam(key));
      }
      rows.add(List.of(name, params.toString(), r.getParams().getMode().shortLabel(), fmt(primary.getScore()),
          Double.isNaN(primary.getScoreError()) ? "-" : fmt(primary.getScoreError()), primary.getScoreUnit()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("benchmark", r.getParams().getBenchmark());
      m.put("params", params.toString());
      m.put("score", primary.getScore());
      m.put("error", primary.getScoreError());
      m.put("unit", primary.getScoreUnit());
      rawRows.add(m);
    }
    raw.put("jmh", rawRows);
    report.add(new Report.Section("JMH microbenchmarks (hot paths)",
        String.format("JMH 1.37, 1 fork, %d x 1 s warm-up, %d x 1 s measurement per benchmark (short: these locate "
            + "regressions, they are not precise); error = 99.9%% confidence half-width.", options.quick() ? 1 : 2,
            options.quick() ? 2 : 3),
        List.of("benchmark", "params", "mode", "score", "error", "unit"), rows, List.of()));
  }
}
