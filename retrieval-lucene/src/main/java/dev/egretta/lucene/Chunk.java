package dev.egretta.lucene;

import java.util.List;
import java.util.Objects;

/**
 * One passage of a document as it is indexed.
 *
 * @param ordinal 0-based position of the chunk in its document
 * @param text the passage text (whitespace normalised)
 * @param startPage 1-based page where the passage starts
 * @param endPage 1-based page where it ends
 * @param startOffset character offset of the passage start within the start page's text
 * @param endOffset character offset (exclusive) of the passage end within the end page's text
 * @param heading the section heading in effect at the passage start; empty when none was detected
 * @param tokens the passage length in the embedding model's tokens (estimated for foreign models)
 * @param pageStarts for a passage spanning pages, where each page begins in {@code text}: element k is
 *     the offset of page {@code startPage + k}; empty when the passage lies on one page
 */
record Chunk(int ordinal, String text, int startPage, int endPage, int startOffset, int endOffset, String heading, int tokens,
    List<Integer> pageStarts) {
  Chunk {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(heading, "heading");
    pageStarts = List.copyOf(pageStarts);
    if (startPage < 1 || endPage < startPage) {
      throw new IllegalArgumentException("bad page range " + startPage + ".." + endPage);
    }
  }

  /** The text given to the embedding model and to BM25: the heading gives context to the passage. */
  String indexText() {
    return heading.isEmpty() || text.startsWith(heading) ? text : heading + "\n" + text;
  }
}
