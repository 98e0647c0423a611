package dev.egretta.lucene;

import dev.egretta.core.spi.SourceDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the outcome of every document of a run and tells the listener, on the calling thread: each
 * entry of the {@link IngestReport} is one {@link IngestListener#documentFinished} call.
 */
final class IngestReportBuilder {
  private final IngestListener listener;
  private final long start = System.nanoTime();
  private int indexed;
  private int unchanged;
  private int deleted;
  private long pages;
  private long chunks;
  private final List<Rejection> rejected = new ArrayList<>();
  private final List<String> truncated = new ArrayList<>();

  IngestReportBuilder(IngestListener listener) {
    this.listener = listener;
  }

  /** An unchanged document; one the index records as rejected stays rejected for the same reason. */
  void unchanged(SourceDocument doc, Manifest old) {
    if (old.indexed()) {
      unchanged++;
      listener.documentFinished(doc, DocumentOutcome.UNCHANGED, "");
    } else {
      rejected(doc, old.reason());
    }
  }

  void rejected(SourceDocument doc, String reason) {
    rejected.add(new Rejection(doc.uri(), reason));
    listener.documentFinished(doc, DocumentOutcome.REJECTED, reason);
  }

  /** A document whose block (or recorded rejection) is committed. */
  void committed(ParsedDocument p) {
    if (p.rejection() != null) {
      rejected(p.source(), p.rejection());
      return;
    }
    indexed++;
    pages += p.text().pageCount();
    chunks += p.chunks().size();
    if (p.text().truncated()) {
      truncated.add(p.source().uri());
    }
    listener.documentFinished(p.source(), p.text().truncated() ? DocumentOutcome.INDEXED_TRUNCATED : DocumentOutcome.INDEXED, "");
  }

  void deleted(Manifest m) {
    deleted++;
    listener.documentFinished(new SourceDocument(m.uri(), m.filename(), m.domain(), m.category(), -1, ""),
        DocumentOutcome.DELETED, "");
  }

  /** The report, timed from this builder's creation. */
  IngestReport build() {
    return new IngestReport(indexed, unchanged, deleted, rejected, truncated, pages, chunks, (System.nanoTime() - start) / 1e9);
  }
}
