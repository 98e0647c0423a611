package dev.egretta.core.spi;

import java.util.List;
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
 * @param pageStarts for a passage spanning pages, where each begins in {@code text}: element k is the
 *     offset of page {@code startPage + k} (so {@code endPage - startPage + 1} elements, the first 0);
 *     empty when the passage lies on one page or the retriever does not know
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
    int vectorRank,
    List<Integer> pageStarts) {

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
    pageStarts = List.copyOf(pageStarts);
    if (!pageStarts.isEmpty() && (pageStarts.size() != endPage - startPage + 1 || pageStarts.get(0) != 0
        || !pageStarts.equals(pageStarts.stream().sorted().toList()) || pageStarts.get(pageStarts.size() - 1) > text.length())) {
      throw new IllegalArgumentException("pageStarts must hold one ascending offset within the text per page "
          + startPage + ".." + endPage + ", the first 0; got " + pageStarts);
    }
  }

  /** A hit with its ranks, on one page or with unknown page starts. */
  public RetrievedPassage(String chunkId, String documentUri, String filename, int startPage, int endPage,
      String heading, String text, boolean isPrivate, double score, int lexicalRank, int vectorRank) {
    this(chunkId, documentUri, filename, startPage, endPage, heading, text, isPrivate, score, lexicalRank, vectorRank,
        List.of());
  }

  /** A hit without rank evidence (both ranks 0). */
  public RetrievedPassage(String chunkId, String documentUri, String filename, int startPage, int endPage,
      String heading, String text, boolean isPrivate, double score) {
    this(chunkId, documentUri, filename, startPage, endPage, heading, text, isPrivate, score, 0, 0);
  }

  /** This hit with the ranks it had in the lexical and the vector list (0 = absent). */
  public RetrievedPassage withRanks(int lexicalRank, int vectorRank) {
    return new RetrievedPassage(chunkId, documentUri, filename, startPage, endPage, heading, text, isPrivate, score,
        lexicalRank, vectorRank, pageStarts);
  }

  /** This hit with another relevance score (a reranker's), all else kept. */
  public RetrievedPassage withScore(double newScore) {
    return new RetrievedPassage(chunkId, documentUri, filename, startPage, endPage, heading, text, isPrivate, newScore,
        lexicalRank, vectorRank, pageStarts);
  }

  /**
   * The page that character {@code offset} of {@code text} lies on; 0 for a passage without pages. Where
   * page starts are unknown, the start page.
   */
  public int pageAt(int offset) {
    int page = startPage;
    for (int k = 1; k < pageStarts.size(); k++) {
      if (pageStarts.get(k) <= offset) {
        page = startPage + k;
      }
    }
    return page;
  }

  /** The page holding most of the text: what a source cites when no evidence sentence locates it. */
  public int mainPage() {
    int best = startPage;
    int bestLength = -1;
    for (int k = 0; k < pageStarts.size(); k++) {
      int end = k + 1 < pageStarts.size() ? pageStarts.get(k + 1) : text.length();
      if (end - pageStarts.get(k) > bestLength) {
        bestLength = end - pageStarts.get(k);
        best = startPage + k;
      }
    }
    return best;
  }
}
