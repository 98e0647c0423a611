package dev.egretta.eval;

import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.RetrieverKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BEIR relevance and latency over any retrieval backend (an Elasticsearch cluster, say), with the same
 * corpus source, ranking and metrics as {@link BeirEvaluator}, so that two backends' figures compare.
 */
public final class BeirOnBackend {
  /** What the evaluation needs of a backend: ingestion and search with one kind of evidence. */
  public interface Backend {
    IngestReport ingest(DocumentSource source, IngestOptions options, IngestListener listener);

    List<RetrievedPassage> search(RetrievalRequest request, RetrieverKind kind);
  }

  private final BeirDataset dataset;
  private final Backend backend;
  private final SearchScope scope;

  private BeirOnBackend(BeirDataset dataset, Backend backend) {
    this.dataset = dataset;
    this.backend = backend;
    this.scope = SearchScope.publicOnly(BeirCorpusSource.DOMAIN, dataset.name());
  }

  /** Loads the dataset (corpus, queries, the split's judgements) for {@code backend}. */
  public static BeirOnBackend open(Path datasetDir, String split, Backend backend) {
    return new BeirOnBackend(BeirDataset.load(datasetDir, split), backend);
  }

  public int queryCount() {
    return dataset.queries().size();
  }

  /** Indexes what is not indexed yet (unchanged entries are skipped). */
  public IngestReport index(IngestListener listener) {
    return backend.ingest(new BeirCorpusSource(dataset), IngestOptions.publicLibrary(), listener);
  }

  /** Every judged query of the split on two threads, metrics averaged. */
  public Metrics evaluate(RetrieverKind kind) {
    return RankingMetrics.mean(dataset, query -> rank(query, kind), 2);
  }

  private List<String> rank(String query, RetrieverKind kind) {
    Set<String> docs = new LinkedHashSet<>();
    for (RetrievedPassage p : backend.search(new RetrievalRequest(query, scope, BeirEvaluator.CHUNKS_PER_QUERY), kind)) {
      docs.add(BeirCorpusSource.idOf(p.documentUri()));
      if (docs.size() == 100) {
        break;
      }
    }
    return new ArrayList<>(docs);
  }

  /** Sorted latencies in ms of top-{@code limit} hybrid retrieval (query embedding included), one thread. */
  public double[] latenciesMs(int limit, int warmup) {
    List<String> texts = new ArrayList<>(dataset.queries().values());
    for (int i = 0; i < Math.min(warmup, texts.size()); i++) {
      backend.search(new RetrievalRequest(texts.get(i), scope, limit), RetrieverKind.HYBRID);
    }
    double[] ms = new double[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      long t = System.nanoTime();
      backend.search(new RetrievalRequest(texts.get(i), scope, limit), RetrieverKind.HYBRID);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }
}
