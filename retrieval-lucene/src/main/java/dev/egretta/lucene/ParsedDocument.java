package dev.egretta.lucene;

import dev.egretta.core.spi.SourceDocument;
import java.util.List;

/**
 * A document on its way from the parse stage to the write stage: its text and chunks, ready to be
 * embedded and written, or the reason it is rejected (recorded in the index, so that an unchanged bad
 * file is not parsed again).
 *
 * @param text the cleaned pages; null when rejected
 * @param rejection null when the document is to be indexed
 */
record ParsedDocument(SourceDocument source, String sha256, ExtractedText text, List<Chunk> chunks, String rejection) {
  /** Follows the last document into the writer's queue. */
  static final ParsedDocument END = new ParsedDocument(null, "", null, List.of(), null);

  static ParsedDocument rejected(SourceDocument source, String sha256, String reason) {
    return new ParsedDocument(source, sha256, null, List.of(), reason);
  }
}
