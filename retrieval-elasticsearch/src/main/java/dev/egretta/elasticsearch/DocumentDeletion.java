package dev.egretta.elasticsearch;

import dev.egretta.core.EgrettaException;
import java.util.List;

/**
 * Deletes one document: the ids of its chunks are searched and sent as {@code _bulk} deletes with its
 * manifest (the test distribution has no {@code _delete_by_query}, and a search + bulk works on every
 * version). The manifest goes in the same request, after the chunks.
 */
final class DocumentDeletion {
  private DocumentDeletion() {}

  static void delete(EsStore store, String docKey) {
    Bulk bulk = new Bulk();
    for (String id : store.chunkIds(List.of(docKey))) {
      bulk.delete(store.chunkIndex(), id, docKey);
    }
    bulk.delete(store.documentsIndex(), IndexSchema.esId(docKey), docKey);
    List<Bulk.Failure> failures = bulk.send(store.http());
    if (!failures.isEmpty()) {
      throw new EgrettaException("Elasticsearch at " + store.http().where() + " did not delete " + docKey.strip() + ": "
          + failures.get(0).reason());
    }
  }
}
