package dev.egretta.core.spi;

import java.util.Objects;

/**
 * A document a {@link DocumentSource} lists, without its content.
 *
 * @param uri the document's identity, e.g. {@code s3://bucket/key} or {@code file:///abs/path.pdf}
 * @param filename the file name shown in sources
 * @param domain domain slug
 * @param category category code
 * @param size size in bytes, or -1 when unknown
 * @param version a cheap change marker (S3 ETag, or size and modification time); equal markers mean
 *     unchanged content, so ingestion may skip the document without reading it
 */
public record SourceDocument(String uri, String filename, String domain, String category, long size, String version) {
  public SourceDocument {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(version, "version");
  }
}
