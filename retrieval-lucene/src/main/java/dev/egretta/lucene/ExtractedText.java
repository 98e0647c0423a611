package dev.egretta.lucene;

import java.util.List;
import java.util.Objects;

/**
 * The text of one document, page by page.
 *
 * @param pages the text of each physical page, index 0 = page 1; a page may be empty
 * @param title the document title from its metadata; empty when none
 * @param truncated whether extraction stopped at the character limit
 */
record ExtractedText(List<String> pages, String title, boolean truncated) {
  ExtractedText {
    pages = List.copyOf(pages);
    Objects.requireNonNull(title, "title");
  }

  int pageCount() {
    return pages.size();
  }

  boolean isBlank() {
    return pages.stream().allMatch(String::isBlank);
  }
}
