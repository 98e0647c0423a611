package dev.egretta.elasticsearch;

import dev.egretta.core.Organisation;
import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.DomainCategory;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.testkit.retrieval.RetrieverContract;
import java.util.List;
import java.util.Set;

/** The Elasticsearch backend passes the retriever contract on a real single-node cluster (shared by the tests). */
class ElasticsearchRetrieverContractTest extends RetrieverContract {
  @Override
  protected Backend openBackend() {
    ElasticsearchKnowledgeBase kb = ElasticsearchKnowledgeBase.open(
        ElasticsearchConfig.builder(SharedNode.url()).index("contract").build());
    return new Backend() {
      @Override
      public IngestReport ingest(DocumentSource source, IngestOptions options) {
        return kb.ingest(source, options, IngestListener.NONE);
      }

      @Override
      public List<RetrievedPassage> retrieve(RetrievalRequest request) {
        return kb.retrieve(request);
      }

      @Override
      public Set<DomainCategory> domainCategories(Organisation caller) {
        return kb.domainCategories(caller);
      }

      @Override
      public boolean hasPrivateDocuments(Organisation caller) {
        return kb.hasPrivateDocuments(caller);
      }

      @Override
      public void close() {
        kb.close();
      }
    };
  }
}
