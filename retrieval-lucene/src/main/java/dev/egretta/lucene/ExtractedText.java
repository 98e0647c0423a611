package dev.egretta.lucene;

import java.util.List;
import java.util.Objects;

/**
 * The text of one document, page by page.
 *
 * @param pages the text of each physical page, index 0 = page 1; a page may be empty
 * @param title the document title from its metadata; empty when none
 * @param truncated whether extraction stopped at the character limit
 * @param layout what the pages are: physical pages, slides, or one text of a format without pages
 *     (Word, HTML, Markdown, text), kept as page 1 here and indexed without a page number
 */
record ExtractedText(List<String> pages, String title, boolean truncated, Layout layout) {
  /** What one entry of {@code pages} is. */
  enum Layout {
    /** A physical page (PDF; the pages of a plain-text source). */
    PAGES,
    /** A slide: every slide is a page of its own, never merged with the next in a chunk. */
    SLIDES,
    /** The whole text of a format without pages. */
    NONE
  }

  ExtractedText {
    pages = List.copyOf(pages);
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(layout, "layout");
    if (layout == Layout.NONE && pages.size() > 1) {
      throw new IllegalArgumentException("a text without pages has one part; got " + pages.size());
    }
  }

  /** Pages of a paged document. */
  ExtractedText(List<String> pages, String title, boolean truncated) {
    this(pages, title, truncated, Layout.PAGES);
  }

  /** Whether the pages are the document's own (pages or slides), so that chunks cite them. */
  boolean paged() {
    return layout != Layout.NONE;
  }

  /** The same text with other page contents (cleaned, or read by OCR), page for page. */
  ExtractedText withPages(List<String> newPages) {
    return new ExtractedText(newPages, title, truncated, layout);
  }

  int pageCount() {
    return pages.size();
  }

  boolean isBlank() {
    return pages.stream().allMatch(String::isBlank);
  }
}
