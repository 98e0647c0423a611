package dev.egretta.lucene;

import dev.egretta.core.spi.SourceDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the outcome of every document of a run and tells the listener, on the calling thread: each
 * entry of the {@link IngestReport} is one {@link IngestListener#documentFinished} call. Public for
 * another index backend's ingestion (retrieval-elasticsearch), so both report alike. Not thread-safe.
 */
public final class IngestReportBuilder {
  private final IngestListener listener;
  private final long start = System.nanoTime();
  private int indexed;
  private int unchanged;
  private int deleted;
  private long pages;
  private long chunks;
  private final List<Rejection> rejected = new ArrayList<>();
  private final List<String> truncated = new ArrayList<>();

  public IngestReportBuilder(IngestListener listener) {
    this.listener = listener;
  }

  /** An unchanged document; one the index records as rejected stays rejected for the same reason. */
  void unchanged(SourceDocument doc, Manifest old) {
    unchanged(doc, old.indexed(), old.reason());
  }

  /** An unchanged document; {@code wasIndexed} false: it stays rejected for its recorded {@code reason}. */
  public void unchanged(SourceDocument doc, boolean wasIndexed, String reason) {
    if (wasIndexed) {
      unchanged++;
      listener.documentFinished(doc, DocumentOutcome.UNCHANGED, "");
    } else {
      rejected(doc, reason);
    }
  }

  public void rejected(SourceDocument doc, String reason) {
    rejected.add(new Rejection(doc.uri(), reason));
    listener.documentFinished(doc, DocumentOutcome.REJECTED, reason);
  }

  /** A document whose block (or recorded rejection) is committed. */
  void committed(ParsedDocument p) {
    if (p.rejection() != null) {
      rejected(p.source(), p.rejection());
      return;
    }
    indexed(p.source(), p.text().pageCount(), p.chunks().size(), p.text().truncated());
  }

  /** A document whose chunks are durably written: its pages and chunks, whether only part of it was read. */
  public void indexed(SourceDocument doc, long pageCount, long chunkCount, boolean wasTruncated) {
    indexed++;
    pages += pageCount;
    chunks += chunkCount;
    if (wasTruncated) {
      truncated.add(doc.uri());
    }
    listener.documentFinished(doc, wasTruncated ? DocumentOutcome.INDEXED_TRUNCATED : DocumentOutcome.INDEXED, "");
  }

  void deleted(Manifest m) {
    deleted(m.uri(), m.filename(), m.domain(), m.category());
  }

  /** A document the source no longer lists, deleted with its chunks (sync). */
  public void deleted(String uri, String filename, String domain, String category) {
    deleted++;
    listener.documentFinished(new SourceDocument(uri, filename, domain, category, -1, ""), DocumentOutcome.DELETED, "");
  }

  /** The report, timed from this builder's creation. */
  public IngestReport build() {
    return new IngestReport(indexed, unchanged, deleted, rejected, truncated, pages, chunks, (System.nanoTime() - start) / 1e9);
  }
}
