package dev.egretta.bench.jmh;

import dev.egretta.bench.synthetic.SyntheticCorpus;
import dev.egretta.bench.synthetic.SyntheticEmbeddingModel;
import dev.egretta.bench.synthetic.SyntheticSource;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.RetrieverKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One top-10 {@link LuceneKnowledgeBase#search} over a ~5k-chunk synthetic index (built through
 * {@link LuceneKnowledgeBase#ingest}), with the synthetic embedding model so that the real model's query
 * embedding is left out. HYBRID minus the larger of BM25 and DENSE bounds what the second search, RRF
 * fusion and the extra score calibration cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchBenchmark {
  @Param({"BM25", "DENSE", "HYBRID"})
  public RetrieverKind kind;

  private Path dir;
  private LuceneKnowledgeBase kb;
  private SearchScope scope;
  private String[] questions;
  private int next;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    SyntheticCorpus corpus = new SyntheticCorpus(300, 42);
    SyntheticEmbeddingModel model = new SyntheticEmbeddingModel(corpus);
    LuceneConfig config = LuceneConfig.builder().embeddingModel(model).build();
    dir = Files.createTempDirectory("egretta-jmh-search");
    try (LuceneKnowledgeBase writing = LuceneKnowledgeBase.open(dir, config)) {
      writing.ingest(new SyntheticSource(corpus), IngestOptions.publicLibrary(), IngestListener.NONE);
    }
    // Reopened: closing waits for the segment merges that ingestion started, which would otherwise
    // compete with the measured searches (they made the first seconds' searches 10-100x slower).
    kb = LuceneKnowledgeBase.open(dir, config);
    scope = SearchScope.publicOnly(SyntheticSource.DOMAIN, SyntheticSource.CATEGORY);
    questions = new String[64];
    for (int i = 0; i < questions.length; i++) {
      questions[i] = corpus.query(i);
    }
  }

  @Benchmark
  public List<?> searchTop10() {
    String q = questions[next++ & (questions.length - 1)];
    return kb.search(new RetrievalRequest(q, scope, 10), kind);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    kb.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
