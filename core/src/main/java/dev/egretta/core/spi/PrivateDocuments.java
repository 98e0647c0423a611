package dev.egretta.core.spi;

import dev.egretta.core.Organisation;
import java.io.InputStream;
import java.util.List;

/**
 * An organisation's private knowledge base as the server manages it: upload a PDF, list, delete.
 * Every method works on the caller's own documents only; another organisation's document id is
 * unknown here ({@link dev.egretta.core.NotFoundException}), exactly like an id that never existed.
 * Implementations are thread-safe; if they hold resources they also implement {@link AutoCloseable}
 * and the server closes them on shutdown.
 */
public interface PrivateDocuments {

  /**
   * Stores and indexes one uploaded document owned by {@code owner}; returns once it is searchable.
   * Queries find it when they name its domain and category (as public documents are filed).
   *
   * @param domain the domain slug to file it under
   * @param category the category code to file it under
   * @param filename the client's file name (only its last path segment is used)
   * @param content the document's bytes; the caller closes it
   * @throws dev.egretta.core.InvalidRequestException when the content is not a readable PDF
   */
  PrivateDocument upload(Organisation owner, String domain, String category, String filename, InputStream content);

  /** The owner's documents, newest first. */
  List<PrivateDocument> list(Organisation owner);

  /**
   * Deletes one of the owner's documents from the store and the index.
   *
   * @throws dev.egretta.core.NotFoundException when the owner has no document with this id
   */
  void delete(Organisation owner, String documentId);
}
