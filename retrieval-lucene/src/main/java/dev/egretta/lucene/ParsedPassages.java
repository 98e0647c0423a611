package dev.egretta.lucene;

import dev.egretta.core.spi.SourceDocument;
import java.util.List;
import java.util.Objects;

/**
 * A document parsed and chunked by this module's pipeline, for another index backend
 * ({@link BackendParts#parser}): its passages, or the reason it cannot be indexed.
 *
 * @param source the listed document
 * @param sha256 hex SHA-256 of its bytes
 * @param passages its chunks in order; empty when rejected
 * @param pages physical pages
 * @param title title from its metadata; empty when none
 * @param truncated whether only part of its text was read
 * @param rejection why it cannot be indexed; null when it can
 */
public record ParsedPassages(SourceDocument source, String sha256, List<Passage> passages, int pages, String title,
    boolean truncated, String rejection) {
  public ParsedPassages {
    Objects.requireNonNull(source, "source");
    passages = List.copyOf(passages);
  }

  static ParsedPassages of(ParsedDocument p) {
    if (p.rejection() != null) {
      return new ParsedPassages(p.source(), p.sha256(), List.of(), 0, "", false, p.rejection());
    }
    return new ParsedPassages(p.source(), p.sha256(), p.chunks().stream().map(c -> Passage.of(c, p.text().paged())).toList(),
        p.text().pageCount(), p.text().title(), p.text().truncated(), null);
  }
}
