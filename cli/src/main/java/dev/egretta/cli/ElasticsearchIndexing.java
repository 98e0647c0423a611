package dev.egretta.cli;

import dev.egretta.elasticsearch.ElasticsearchKnowledgeBase;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;

/** {@code egretta index --backend elasticsearch}: the same ingestion into a cluster's index. */
final class ElasticsearchIndexing {
  private ElasticsearchIndexing() {}

  static IngestReport ingest(Context context, BackendOptions backend, String location, String domain, String category,
      S3Options s3, IngestOptions options, boolean json) throws Exception {
    try (Sources.Opened source = Sources.open(context, location, domain, category, s3);
         ElasticsearchKnowledgeBase kb = ElasticsearchKnowledgeBase.open(backend.config(context));
         IngestProgress progress = IngestProgress.forContext(context, json, "Indexing")) {
      return kb.ingest(source.source(), options, IngestProgress.listener(progress));
    }
  }
}
