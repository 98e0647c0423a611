package dev.egretta.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.bench.synthetic.SyntheticBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The only bench code the default build runs (well under 30 s): the harness's own pieces on tiny inputs.
 * The real runs are {@code bench/run.sh}.
 */
class HarnessSmokeTest {

  @Test
  void percentilesUseNearestRankAndMediansAverageTheMiddlePair() {
    double[] v = {5, 1, 4, 2, 3, 10, 9, 8, 7, 6};
    assertThat(Stats.percentile(v, 50)).isEqualTo(5);
    assertThat(Stats.percentile(v, 99)).isEqualTo(10);
    assertThat(Stats.percentile(v, 10)).isEqualTo(1);
    assertThat(Stats.median(v)).isEqualTo(5.5);
    assertThat(Stats.median(new double[0])).isNaN();
    assertThatThrownBy(() -> Stats.percentile(v, 0)).hasMessageContaining("percentile must be in (0, 100]");
    assertThat(Stats.min(v)).isEqualTo(1);
    assertThat(Stats.max(v)).isEqualTo(10);
    assertThat(Stats.min(java.util.List.of(3.5, 2.5))).isEqualTo(2.5);
    assertThat(Stats.min(new double[0])).isNaN();
  }

  @Test
  void optionsRejectUnknownFlagsAndStepsWithTheUsage() {
    assertThat(BenchOptions.parse("--quick").syntheticSizes()).containsExactly(10_000);
    assertThat(BenchOptions.parse().syntheticSizes()).containsExactly(10_000, 100_000);
    assertThat(BenchOptions.parse("--with-1m").syntheticSizes()).containsExactly(10_000, 100_000, 1_000_000);
    assertThat(BenchOptions.parse("--skip", "jmh,scifact").runs("jmh")).isFalse();
    assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessageContaining("unknown option: '--fast'").hasMessageContaining("usage");
    assertThatThrownBy(() -> BenchOptions.parse("--skip", "nothing")).hasMessageContaining("unknown step to skip: 'nothing'");
    assertThatThrownBy(() -> BenchOptions.parse("--out")).hasMessageContaining("--out needs a value");
    assertThat(BenchOptions.parse("--reps", "2").repetitions()).isEqualTo(2);
    assertThat(BenchOptions.parse("--quick").repetitions()).isEqualTo(1);
    assertThatThrownBy(() -> BenchOptions.parse("--reps", "zero")).hasMessageContaining("--reps must be a number from 1 to 50");
  }

  @Test
  void questionSetHasFiftyOrMoreQuestionsEachWithADomainOfTheCorpus() {
    List<Questions.Question> questions = Questions.corpusQuestions();
    assertThat(questions).hasSizeGreaterThanOrEqualTo(50);
    assertThat(questions).extracting(Questions.Question::domain)
        .allMatch(d -> List.of("business-continuity", "cloud-security", "information-security", "risk-management").contains(d));
    assertThat(questions).extracting(Questions.Question::text).allMatch(q -> q.endsWith("?")).doesNotHaveDuplicates();
  }

  @Test
  void peakRssOfThisProcessIsReadFromProc() {
    long pid = ProcessHandle.current().pid();
    // RSS first: the peak read afterwards covers it, whatever the JVM allocates in between.
    long rss = ProcStatus.rss(pid);
    assertThat(ProcStatus.peakRss(pid)).isGreaterThan(10L << 20).isGreaterThanOrEqualTo(rss);
    assertThat(ProcStatus.peakRss(Long.MAX_VALUE)).isEqualTo(-1);
  }

  @Test
  void syntheticIndexIsBuiltThroughTheKnowledgeBaseAndKnnFindsTheExactNeighbours(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index");
    Map<String, Object> build = SyntheticBench.build(index, 200, false, 7L);
    assertThat(((Number) build.get("chunks")).intValue()).isBetween(100, 400);
    assertThat(((Number) build.get("indexBytes")).longValue()).isPositive();

    Map<String, Object> query = SyntheticBench.query(index, ((Number) build.get("documents")).intValue(), false, 7L, 20, 3);
    assertThat((double[]) query.get("hybridLatenciesMs")).hasSize(20);
    assertThat(java.util.Arrays.stream((double[]) query.get("hybridLatenciesMs")).min().orElse(0)).isPositive();
    assertThat((double) query.get("denseRecallAt10")).isGreaterThan(0.9);
    assertThat((double) query.get("bm25RecallAt10")).isLessThan((double) query.get("denseRecallAt10"));
  }

  @Test
  void resultsAreMarkdownWithVerdictsAndThePlotIsAPng(@TempDir Path dir) throws Exception {
    Report report = new Report("bench/run.sh --quick", Map.of("CPU", "test"));
    report.target("p50 <= 10 ms", 12.5, 10, true, " ms", "");
    report.target("speed-up >= 1.5x", 2.0, 1.5, false, "x", "");
    report.add(new Report.Section("Latency", "intro", List.of("a", "b"), List.of(List.of("x|y", "1")), List.of("note")));
    String md = report.toMarkdown();
    assertThat(md).contains("| p50 <= 10 ms | 12.5 ms | missed (1.25x the limit) |")
        .contains("| speed-up >= 1.5x | 2.00x | met |")
        .contains("| x\\|y | 1 |")
        .contains("- note");

    Path png = dir.resolve("latency-vs-size.png");
    LatencyPlot.write(png, "test", List.of(new LatencyPlot.Series("hybrid p50", List.of(1e4, 1e5), List.of(1.5, 3.0))));
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }
}
