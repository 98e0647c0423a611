package dev.egretta.elasticsearch;

import dev.egretta.lucene.IngestListener;
import dev.egretta.testkit.retrieval.RetrieverContract;

/** The Elasticsearch backend passes the retriever contract on a real single-node cluster (shared by the tests). */
class ElasticsearchRetrieverContractTest extends RetrieverContract {
  @Override
  protected Backend openBackend() {
    ElasticsearchKnowledgeBase kb = ElasticsearchKnowledgeBase.open(
        ElasticsearchConfig.builder(SharedNode.url()).index("contract").build());
    return Backend.of(kb, (source, options) -> kb.ingest(source, options, IngestListener.NONE));
  }
}
