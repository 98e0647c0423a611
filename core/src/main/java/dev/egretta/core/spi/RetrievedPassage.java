package dev.egretta.core.spi;

import java.util.Objects;

/**
 * One chunk a retriever found.
 *
 * @param chunkId stable id of the chunk in the index
 * @param documentUri the document's identity, e.g. {@code s3://bucket/key} or {@code file:///...}
 * @param filename the document's file name
 * @param startPage the 1-based physical page where the passage starts
 * @param endPage the 1-based page where it ends ({@code >= startPage})
 * @param heading the section heading above the passage; empty when none was detected
 * @param text the passage text
 * @param isPrivate whether it comes from an organisation's private documents
 * @param score relevance in [0, 1], comparable across queries (see the retriever's calibration notes)
 */
public record RetrievedPassage(
    String chunkId,
    String documentUri,
    String filename,
    int startPage,
    int endPage,
    String heading,
    String text,
    boolean isPrivate,
    double score) {

  public RetrievedPassage {
    Objects.requireNonNull(chunkId, "chunkId");
    Objects.requireNonNull(documentUri, "documentUri");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(text, "text");
    if (startPage < 1 || endPage < startPage) {
      throw new IllegalArgumentException("pages must satisfy 1 <= startPage <= endPage; got " + startPage + ".." + endPage);
    }
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be in [0, 1]; got " + score);
    }
  }
}
