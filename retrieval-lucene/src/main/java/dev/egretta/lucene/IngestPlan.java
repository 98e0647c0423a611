package dev.egretta.lucene;

import dev.egretta.core.EgrettaException;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.SourceDocument;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plan and diff, the first stage of an ingestion: what the source lists against what the index records
 * for the owner. A document whose source version is unchanged is skipped without reading; otherwise it is
 * read (on the caller's thread) and its SHA-256 compared with the recorded one.
 */
final class IngestPlan {
  private final DocumentSource source;
  private final IndexStore store;
  private final Optional<Organisation> owner;
  private final long maxFileBytes;
  private final List<SourceDocument> listed;
  private final Map<String, Manifest> known = new HashMap<>();
  private final Set<String> seen = new HashSet<>();

  IngestPlan(DocumentSource source, IndexStore store, Optional<Organisation> owner, long maxFileBytes) {
    this.source = source;
    this.store = store;
    this.owner = owner;
    this.maxFileBytes = maxFileBytes;
    try {
      this.listed = source.list();
    } catch (IOException e) {
      throw new EgrettaException("cannot list the documents of the source: " + e.getMessage(), e);
    }
    for (Manifest m : store.manifests(Fields.manifestsOf(owner, false))) {
      known.put(m.uri(), m);
    }
  }

  /** What the source lists, duplicates included (see {@link #firstListing}). */
  List<SourceDocument> listed() {
    return listed;
  }

  /** False for a URI the source listed before in this run: the first listing wins. */
  boolean firstListing(SourceDocument doc) {
    return seen.add(doc.uri());
  }

  /** Compares one document with the index; an unchanged SHA-256 under a new version updates the version in place. */
  DocumentChange diff(SourceDocument doc) {
    Manifest old = known.get(doc.uri());
    if (old != null && !doc.version().isEmpty() && old.version().equals(doc.version())) {
      return new DocumentChange.Unchanged(old);
    }
    if (doc.size() > maxFileBytes) {
      return tooLarge();
    }
    byte[] bytes;
    try (InputStream in = source.open(doc)) {
      bytes = in.readNBytes((int) maxFileBytes + 1);
    } catch (IOException | RuntimeException e) {
      return new DocumentChange.Unreadable("cannot read the file: " + e.getMessage());
    }
    if (bytes.length > maxFileBytes) {
      return tooLarge();
    }
    String sha = sha256(bytes);
    if (old != null && old.sha256().equals(sha)) {
      store.updateVersion(owner, doc.uri(), doc.version());
      return new DocumentChange.Unchanged(old);
    }
    return new DocumentChange.Changed(sha, bytes);
  }

  private DocumentChange tooLarge() {
    return new DocumentChange.Rejected("file larger than the limit of " + maxFileBytes + " bytes");
  }

  /** The recorded documents the source covers but no longer lists (for a sync run, after all listed ones). */
  List<Manifest> vanished() {
    List<Manifest> out = new ArrayList<>();
    for (Manifest m : known.values()) {
      if (!seen.contains(m.uri()) && source.covers(m.uri())) {
        out.add(m);
      }
    }
    return out;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
