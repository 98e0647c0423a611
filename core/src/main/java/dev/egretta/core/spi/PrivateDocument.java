package dev.egretta.core.spi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;

/**
 * One document of an organisation's private knowledge base, as the server lists it.
 *
 * @param documentId the id to delete it by
 * @param filename the uploaded file name
 * @param uri the document's URI in the index (the {@code uri} its sources carry)
 * @param domain the domain slug it is filed under
 * @param category the category code it is filed under
 * @param sizeBytes the stored size
 * @param pages pages indexed, 0 when unknown
 * @param uploadedAt when it was stored
 */
@JsonPropertyOrder({"document_id", "filename", "uri", "domain", "category", "size_bytes", "pages", "uploaded_at"})
public record PrivateDocument(
    @JsonProperty("document_id") String documentId,
    @JsonProperty("filename") String filename,
    @JsonProperty("uri") String uri,
    @JsonProperty("domain") String domain,
    @JsonProperty("category") String category,
    @JsonProperty("size_bytes") long sizeBytes,
    @JsonProperty("pages") int pages,
    @JsonProperty("uploaded_at") Instant uploadedAt) {

  public PrivateDocument {
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(uploadedAt, "uploadedAt");
    if (sizeBytes < 0 || pages < 0) {
      throw new IllegalArgumentException("sizeBytes and pages must be >= 0; got " + sizeBytes + ", " + pages);
    }
  }

  /**
   * The stable, opaque id of a document URI: 32 hex digits of its SHA-256. Stores that derive
   * {@code document_id} from the URI use it, and the server shows local documents outside any named
   * source root as {@code file:<id>/<file name>}.
   */
  public static String idOf(String uri) {
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest(uri.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
