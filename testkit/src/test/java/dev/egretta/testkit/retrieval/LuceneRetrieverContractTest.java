package dev.egretta.testkit.retrieval;

import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The embedded backend passes the retriever contract, on a real index on disk. */
class LuceneRetrieverContractTest extends RetrieverContract {
  @TempDir
  Path dir;

  @Override
  protected Backend openBackend() {
    LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"));
    return Backend.of(kb, (source, options) -> kb.ingest(source, options, IngestListener.NONE));
  }
}
