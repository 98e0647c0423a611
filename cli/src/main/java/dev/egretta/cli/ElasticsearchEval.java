package dev.egretta.cli;

import dev.egretta.core.spi.SourceDocument;
import dev.egretta.elasticsearch.ElasticsearchConfig;
import dev.egretta.elasticsearch.ElasticsearchKnowledgeBase;
import dev.egretta.eval.BeirOnBackend;
import dev.egretta.eval.Metrics;
import dev.egretta.lucene.DocumentOutcome;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.RetrieverKind;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code egretta eval --backend elasticsearch}: the dataset indexed into its own index of the cluster
 * ({@code beir-<dataset>} unless {@code --es-index} says otherwise, so that its BM25 statistics are the
 * dataset's alone, as in the Lucene evaluation) and evaluated with the same metrics.
 */
final class ElasticsearchEval {
  private ElasticsearchEval() {}

  static Metrics evaluate(Context context, BackendOptions options, Path datasetDir, String split, RetrieverKind kind,
      boolean json) {
    ElasticsearchConfig given = options.config(context);
    ElasticsearchConfig.Builder b = ElasticsearchConfig.builder(options.url)
        .index(options.indexName != null ? options.indexName
            : "beir-" + datasetDir.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-"));
    given.apiKey().ifPresent(b::apiKey);
    try (ElasticsearchKnowledgeBase kb = ElasticsearchKnowledgeBase.open(b.build())) {
      BeirOnBackend eval = BeirOnBackend.open(datasetDir, split, new BeirOnBackend.Backend() {
        @Override
        public IngestReport ingest(dev.egretta.core.spi.DocumentSource source, dev.egretta.lucene.IngestOptions o,
            IngestListener listener) {
          return kb.ingest(source, o, listener);
        }

        @Override
        public java.util.List<dev.egretta.core.spi.RetrievedPassage> search(dev.egretta.core.spi.RetrievalRequest r,
            RetrieverKind k) {
          return kb.search(r, k);
        }
      });
      if (!json) {
        context.note("Indexing " + datasetDir.getFileName() + " into " + kb.config().index() + " at " + options.url + " ("
            + eval.queryCount() + " " + split + " queries); unchanged documents are skipped...");
      }
      AtomicInteger done = new AtomicInteger();
      IngestReport report = eval.index(new IngestListener() {
        @Override
        public void documentFinished(SourceDocument d, DocumentOutcome o, String detail) {
          int n = done.incrementAndGet();
          if (!json && o != DocumentOutcome.UNCHANGED && n % 1000 == 0) {
            context.note("indexed " + n + " documents");
          }
        }
      });
      if (!json) {
        context.note(String.format(Locale.ROOT, "index: %d new, %d unchanged, %d rejected, %d chunks, %.1f s",
            report.documentsIndexed(), report.documentsUnchanged(), report.rejected().size(), report.chunks(),
            report.seconds()));
      }
      return eval.evaluate(kind);
    }
  }
}
