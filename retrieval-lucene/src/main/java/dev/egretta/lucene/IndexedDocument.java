package dev.egretta.lucene;

import dev.egretta.core.Organisation;
import java.util.Objects;
import java.util.Optional;

/**
 * A document held in the index.
 *
 * @param uri its identity
 * @param filename file name shown in sources
 * @param domain domain slug
 * @param category category code
 * @param owner the organisation it is private to; empty = public library
 * @param title title from the document's metadata; empty when none
 * @param pages physical pages
 * @param chunks indexed passages
 * @param sha256 hex SHA-256 of its content
 * @param truncated whether only part of its text is indexed
 */
public record IndexedDocument(
    String uri, String filename, String domain, String category, Optional<Organisation> owner,
    String title, int pages, int chunks, String sha256, boolean truncated) {
  public IndexedDocument {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(sha256, "sha256");
  }
}
