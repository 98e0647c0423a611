package dev.egretta.elasticsearch;

import dev.egretta.core.EgrettaException;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.SourceDocument;
import dev.egretta.lucene.BackendParts;
import dev.egretta.lucene.DocumentParser;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.IngestReportBuilder;
import dev.egretta.lucene.OcrMode;
import dev.egretta.lucene.TextDocumentSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One ingestion run into the cluster, with the Lucene backend's rules: identity = owner + URI; same
 * source version → skipped unread; same SHA-256 → skipped (version updated); otherwise parsed and chunked
 * by the shared pipeline (on parser threads, in listing order), embedded and written by {@link ChunkWriter};
 * with sync, the owner's documents the source covers but no longer lists are deleted (their chunk ids
 * searched, then {@code _bulk} deletes: the test distribution has no {@code _delete_by_query}).
 */
final class EsIngestion {
  private final EsStore store;
  private final BackendParts parts;
  private final ElasticsearchConfig config;
  private final Optional<Organisation> owner;
  private final IngestListener listener;

  EsIngestion(EsStore store, BackendParts parts, ElasticsearchConfig config, Optional<Organisation> owner,
      IngestListener listener) {
    this.store = store;
    this.parts = parts;
    this.config = config;
    this.owner = owner;
    this.listener = listener;
  }

  IngestReport run(DocumentSource source, boolean sync, OcrMode ocr) {
    IngestReportBuilder outcomes = new IngestReportBuilder(listener);
    List<SourceDocument> listed;
    try {
      listed = source.list();
    } catch (IOException e) {
      throw new EgrettaException("cannot list the documents of the source: " + e.getMessage(), e);
    }
    Map<String, Manifest> known = new HashMap<>();
    for (Manifest m : store.manifests(owner, false)) {
      known.put(m.uri(), m);
    }
    Set<String> existing = new HashSet<>();
    known.values().forEach(m -> existing.add(m.docKey()));
    long maxBytes = config.pipeline().maxFileBytes();
    listener.started(listed.size());
    Set<String> seen = new HashSet<>();
    ChunkWriter writer = new ChunkWriter(store, parts, owner, config.bulkChunks(), outcomes, existing);
    try (DocumentParser parser = parts.parser(source instanceof TextDocumentSource, ocr)) {
      for (SourceDocument doc : listed) {
        if (!seen.add(doc.uri())) {
          continue;
        }
        listener.documentStarted(doc);
        Manifest old = known.get(doc.uri());
        if (old != null && !doc.version().isEmpty() && old.version().equals(doc.version())) {
          outcomes.unchanged(doc, old.indexed(), old.reason());
          continue;
        }
        byte[] bytes = doc.size() > maxBytes ? null : read(source, doc, maxBytes, outcomes);
        if (doc.size() > maxBytes || (bytes != null && bytes.length > maxBytes)) {
          parser.reject(doc, "file larger than the limit of " + maxBytes + " bytes");
        } else if (bytes != null) {
          String sha = BackendParts.sha256(bytes);
          if (old != null && old.sha256().equals(sha)) {
            updateVersion(old, doc.version());
            outcomes.unchanged(doc, old.indexed(), old.reason());
          } else {
            parser.submit(doc, sha, bytes);
          }
        }
        while (parser.full()) {
          writer.add(parser.next());
        }
      }
      while (!parser.isEmpty()) {
        writer.add(parser.next());
      }
      writer.flush();
    }
    if (sync) {
      for (Manifest m : known.values()) {
        if (!seen.contains(m.uri()) && source.covers(m.uri())) {
          DocumentDeletion.delete(store, m.docKey());
          outcomes.deleted(m.uri(), m.filename(), m.domain(), m.category());
        }
      }
    }
    store.refresh();
    return outcomes.build();
  }

  /** The document's bytes (at most one more than the limit), or null after recording why it cannot be read. */
  private static byte[] read(DocumentSource source, SourceDocument doc, long maxBytes, IngestReportBuilder outcomes) {
    try (InputStream in = source.open(doc)) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException | RuntimeException e) {
      outcomes.rejected(doc, "cannot read the file: " + e.getMessage());
      return null;
    }
  }

  private void updateVersion(Manifest old, String version) {
    Manifest m = new Manifest(old.uri(), old.filename(), old.domain(), old.category(), old.owner(), old.status(),
        old.sha256(), version, old.title(), old.pages(), old.chunks(), old.truncated(), old.reason());
    Bulk bulk = new Bulk();
    bulk.index(store.documentsIndex(), IndexSchema.esId(m.docKey()), m.toJson(), m.docKey());
    bulk.send(store.http());
  }
}
