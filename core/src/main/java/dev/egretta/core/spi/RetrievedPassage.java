package dev.egretta.core.spi;

import java.util.Objects;

/**
 * One chunk a retriever found.
 *
 * @param chunkId stable id of the chunk in the index
 * @param documentUri the document's identity, e.g. {@code s3://bucket/key} or {@code file:///...}
 * @param filename the document's file name
 * @param startPage the 1-based physical page where the passage starts; 0 (with {@code endPage} 0)
 *     when the document has no pages (Word, HTML, Markdown, text): its sources carry no page number
 * @param endPage the 1-based page where it ends ({@code >= startPage})
 * @param heading the section heading above the passage; empty when none was detected
 * @param text the passage text
 * @param isPrivate whether it comes from an organisation's private documents
 * @param score relevance in [0, 1], comparable across queries (see the retriever's calibration notes)
 * @param lexicalRank 1-based rank of the hit in the retriever's lexical (BM25) list; 0 when it was
 *     not in that list or the retriever does not say
 * @param vectorRank 1-based rank in the retriever's vector list; 0 when not in it or unknown
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
    double score,
    int lexicalRank,
    int vectorRank) {

  public RetrievedPassage {
    Objects.requireNonNull(chunkId, "chunkId");
    Objects.requireNonNull(documentUri, "documentUri");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(text, "text");
    if ((startPage < 1 || endPage < startPage) && !(startPage == 0 && endPage == 0)) {
      throw new IllegalArgumentException("pages must satisfy 1 <= startPage <= endPage (or both 0: no pages); got "
          + startPage + ".." + endPage);
    }
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be in [0, 1]; got " + score);
    }
    if (lexicalRank < 0 || vectorRank < 0) {
      throw new IllegalArgumentException("ranks must be >= 0 (0 = unknown); got " + lexicalRank + ", " + vectorRank);
    }
  }

  /** A hit without rank evidence (both ranks 0). */
  public RetrievedPassage(String chunkId, String documentUri, String filename, int startPage, int endPage,
      String heading, String text, boolean isPrivate, double score) {
    this(chunkId, documentUri, filename, startPage, endPage, heading, text, isPrivate, score, 0, 0);
  }

  /** This hit with the ranks it had in the lexical and the vector list (0 = absent). */
  public RetrievedPassage withRanks(int lexicalRank, int vectorRank) {
    return new RetrievedPassage(chunkId, documentUri, filename, startPage, endPage, heading, text, isPrivate, score,
        lexicalRank, vectorRank);
  }
}
