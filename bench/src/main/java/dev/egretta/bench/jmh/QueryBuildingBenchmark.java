package dev.egretta.bench.jmh;

import dev.egretta.core.Organisation;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.BenchmarkHooks;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.lucene.search.Query;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Query building: analysing a question into BM25 terms, and building the scope filter both queries carry
 * (the retriever's own code, through {@link BenchmarkHooks}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueryBuildingBenchmark {
  private Function<String, List<String>> analyzer;
  private SearchScope scope;
  private final String question = "How often must the incident response capability be tested and who reports the results?";

  @Setup
  public void setup() {
    analyzer = BenchmarkHooks.queryAnalyzer();
    scope = new SearchScope("information-security", "us", true, Optional.of(Organisation.of("acme")));
  }

  @Benchmark
  public List<String> analyseQuestion() {
    return analyzer.apply(question);
  }

  @Benchmark
  public Query scopeFilter() {
    return BenchmarkHooks.scopeFilter(scope);
  }

  @Benchmark
  public void both(Blackhole bh) {
    bh.consume(analyzer.apply(question));
    bh.consume(BenchmarkHooks.scopeFilter(scope));
  }
}
