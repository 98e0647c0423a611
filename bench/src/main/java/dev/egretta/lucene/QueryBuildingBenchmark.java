package dev.egretta.lucene;

import dev.egretta.core.Organisation;
import dev.egretta.core.spi.SearchScope;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.search.Query;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** Query building: analysing a question into BM25 terms, and building the scope filter both queries carry. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueryBuildingBenchmark {
  private HybridSearcher searcher;
  private SearchScope scope;
  private final String question = "How often must the incident response capability be tested and who reports the results?";

  @Setup
  public void setup() {
    searcher = new HybridSearcher(new EnglishAnalyzer(), null, LuceneConfig.defaults());
    scope = new SearchScope("information-security", "us", true, Optional.of(Organisation.of("acme")));
  }

  @Benchmark
  public List<String> analyseQuestion() {
    return searcher.terms(question);
  }

  @Benchmark
  public Query scopeFilter() {
    return Fields.scopeFilter(scope);
  }

  @Benchmark
  public void both(Blackhole bh) {
    bh.consume(searcher.terms(question));
    bh.consume(Fields.scopeFilter(scope));
  }
}
