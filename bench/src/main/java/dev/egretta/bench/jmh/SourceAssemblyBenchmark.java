package dev.egretta.bench.jmh;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Organisation;
import dev.egretta.core.internal.CitationFilter;
import dev.egretta.core.spi.CorpusInventory;
import dev.egretta.core.spi.DomainCategory;
import dev.egretta.core.spi.RetrievedPassage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Everything a query costs besides retrieval: the engine's pipeline over 10 fixed passages (session,
 * context judgement, extractive answer, citation check, source assembly with excerpts and relevance
 * labels, suggestions), through the public {@link EgrettaEngine}; and the citation repair alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SourceAssemblyBenchmark {
  private EgrettaEngine engine;
  private ValidatedQuery query;
  private String answer;

  @Setup
  public void setup() {
    List<RetrievedPassage> passages = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      passages.add(new RetrievedPassage("chunk-" + i, "file:///corpus/doc-" + i + ".pdf", "doc-" + i + ".pdf", 1 + i, 2 + i,
          "6. PROCEDURE", ("The system owner reviews and updates the incident response plan annually and after significant "
              + "changes. Incidents are reported to the security operations centre within one hour of discovery. ").repeat(6),
          false, 0.9 - i * 0.03));
    }
    CorpusInventory inventory = new CorpusInventory() {
      @Override
      public Set<DomainCategory> domainCategories(Organisation caller) {
        return Set.of(new DomainCategory("information-security", "us"));
      }

      @Override
      public boolean hasPrivateDocuments(Organisation caller) {
        return false;
      }
    };
    engine = EgrettaEngine.builder().retriever(request -> passages).corpusInventory(inventory).build();
    query = ValidatedQuery.of("How often must the incident response plan be reviewed?", "information-security", "us",
        Mode.COMPLIANCE);
    StringBuilder sb = new StringBuilder("# Incident response\n\n");
    for (int i = 1; i <= 10; i++) {
      sb.append("The plan is reviewed annually [Source ").append(i).append("]. Reports go out within one hour [Source ")
          .append(i + 3).append("].\n\n");
    }
    answer = sb.toString();
  }

  @Benchmark
  public QueryResponse queryWithoutRetrieval() {
    return engine.query(query, Organisation.LOCAL);
  }

  @Benchmark
  public String citationRepair() {
    return CitationFilter.repair(answer, 10);
  }

  @TearDown
  public void tearDown() {
    engine.close();
  }
}
