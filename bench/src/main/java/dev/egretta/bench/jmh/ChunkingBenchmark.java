package dev.egretta.bench.jmh;

import dev.egretta.lucene.BenchmarkHooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Chunking one real 33-page PDF's text (EPA roles and responsibilities, from {@code ../shared/corpus};
 * generated prose when the shared data is absent) into 256-token chunks, with the bge tokenizer as the
 * token counter (Egretta's default) or the word-based estimate (foreign models). Ingestion's own chunker,
 * through {@link BenchmarkHooks#chunker}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ChunkingBenchmark {
  @Param({"bge", "estimate"})
  public String counter;

  private Function<List<String>, List<?>> chunker;
  private List<String> pages;

  @Setup
  public void setup() throws Exception {
    chunker = BenchmarkHooks.chunker(counter.equals("bge"));
    Path pdf = Path.of(System.getProperty("egretta.shared", "../shared"),
        "corpus/information-security/pdf/us/epa_roles_and_responsibilities_procedures.pdf");
    if (Files.exists(pdf)) {
      pages = BenchmarkHooks.extractPages(Files.readAllBytes(pdf));
    } else {
      pages = new ArrayList<>();
      for (int p = 0; p < 33; p++) {
        pages.add(("1. PURPOSE\n\nThe information system owner shall review the security controls annually. "
            + "Audit records are retained for three years and protected from unauthorized access.\n\n").repeat(12));
      }
    }
  }

  @Benchmark
  public List<?> chunkDocument() {
    return chunker.apply(pages);
  }
}
