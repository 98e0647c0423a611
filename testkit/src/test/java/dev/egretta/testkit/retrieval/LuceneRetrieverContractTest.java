package dev.egretta.testkit.retrieval;

import dev.egretta.core.Organisation;
import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.DomainCategory;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/** The embedded backend passes the retriever contract, on a real index on disk. */
class LuceneRetrieverContractTest extends RetrieverContract {
  @TempDir
  Path dir;

  @Override
  protected Backend openBackend() {
    LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"));
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
