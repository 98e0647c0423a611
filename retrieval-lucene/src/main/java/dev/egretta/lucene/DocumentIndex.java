package dev.egretta.lucene;

import dev.egretta.core.Organisation;
import dev.egretta.core.spi.DocumentSource;
import java.util.List;
import java.util.Optional;

/**
 * What {@link LucenePrivateDocuments} needs of an index to keep an organisation's uploads in it: ingest,
 * list and delete by owner. Implemented by {@link LuceneKnowledgeBase} and by the Elasticsearch backend,
 * so that the server's upload routes work on either.
 */
public interface DocumentIndex {
  /** Brings the index up to date with {@code source} (new and changed documents indexed, unchanged ones skipped). */
  IngestReport ingest(DocumentSource source, IngestOptions options, IngestListener listener);

  /** The indexed documents of one owner (empty = the public library). */
  List<IndexedDocument> documents(Optional<Organisation> owner);

  /** Deletes one document with all its chunks; false when the owner holds no such document. */
  boolean deleteDocument(Optional<Organisation> owner, String uri);
}
