package dev.egretta.lucene;

import java.util.List;

/**
 * One chunk of a parsed document as another index backend stores it (see {@link BackendParts}).
 *
 * @param ordinal 0-based position in its document
 * @param text the passage text shown in answers
 * @param indexText the text that is embedded and BM25-indexed (heading + passage)
 * @param startPage 1-based page where the passage starts; 0 when the format has no pages (Word, HTML, text)
 * @param endPage 1-based page where it ends; 0 when the format has no pages
 * @param startOffset character offset of its start within the start page's text
 * @param endOffset character offset (exclusive) of its end within the end page's text
 * @param heading the section heading in effect at its start; empty when none
 * @param pageStarts where each page of a passage spanning pages begins in {@code text} (see
 *     {@link dev.egretta.core.spi.RetrievedPassage#pageStarts()}); empty on one page or without pages
 */
public record Passage(int ordinal, String text, String indexText, int startPage, int endPage, int startOffset,
    int endOffset, String heading, List<Integer> pageStarts) {
  public Passage {
    pageStarts = List.copyOf(pageStarts);
    boolean unpaged = startPage == 0 && endPage == 0;
    if (!unpaged && (startPage < 1 || endPage < startPage)) {
      throw new IllegalArgumentException("bad page range " + startPage + ".." + endPage);
    }
  }

  /** The passage of chunk {@code c}; {@code paged} false stores page 0, as the Lucene index does. */
  static Passage of(Chunk c, boolean paged) {
    return new Passage(c.ordinal(), c.text(), c.indexText(), paged ? c.startPage() : 0, paged ? c.endPage() : 0,
        c.startOffset(), c.endOffset(), c.heading(), paged ? c.pageStarts() : List.of());
  }
}
