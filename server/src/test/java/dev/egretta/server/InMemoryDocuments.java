package dev.egretta.server;

import dev.egretta.core.InvalidRequestException;
import dev.egretta.core.NotFoundException;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.PrivateDocument;
import dev.egretta.core.spi.PrivateDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link PrivateDocuments} in memory for HTTP-layer tests (the Lucene-backed one has its own tests). */
final class InMemoryDocuments implements PrivateDocuments, AutoCloseable {
  private record Stored(Organisation owner, PrivateDocument document, byte[] bytes) {}

  private final Map<String, Stored> documents = new ConcurrentHashMap<>();
  volatile boolean closed;

  @Override
  public PrivateDocument upload(Organisation owner, String domain, String category, String filename,
      InputStream content) {
    try {
      byte[] bytes = content.readAllBytes();
      if (bytes.length < 5 || !new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
        throw InvalidRequestException.of("file", "must be a PDF document");
      }
      String id = UUID.randomUUID().toString();
      PrivateDocument doc = new PrivateDocument(id, filename, "private://" + owner.id() + "/" + id + "/" + filename,
          domain, category, bytes.length, 1, Instant.now());
      documents.put(id, new Stored(owner, doc, bytes));
      return doc;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<PrivateDocument> list(Organisation owner) {
    return documents.values().stream().filter(s -> s.owner().equals(owner)).map(Stored::document)
        .sorted(Comparator.comparing(PrivateDocument::uploadedAt).reversed()).toList();
  }

  @Override
  public void delete(Organisation owner, String documentId) {
    Stored stored = documents.get(documentId);
    if (stored == null || !stored.owner().equals(owner)) {
      throw new NotFoundException("Document not found.");
    }
    documents.remove(documentId);
  }

  @Override
  public void close() {
    closed = true;
  }
}
