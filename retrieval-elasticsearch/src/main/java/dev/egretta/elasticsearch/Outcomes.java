package dev.egretta.elasticsearch;

import dev.egretta.core.spi.SourceDocument;
import dev.egretta.lucene.DocumentOutcome;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.ParsedPassages;
import dev.egretta.lucene.Rejection;
import java.util.ArrayList;
import java.util.List;

/** Counts what one ingestion run did with each document and tells the listener, on the ingesting thread. */
final class Outcomes {
  private final IngestListener listener;
  private final long start = System.nanoTime();
  private int indexed;
  private int unchanged;
  private int deleted;
  private long pages;
  private long chunks;
  private final List<Rejection> rejected = new ArrayList<>();
  private final List<String> truncated = new ArrayList<>();

  Outcomes(IngestListener listener) {
    this.listener = listener;
  }

  /** An unchanged document; one recorded as rejected stays rejected for the same reason. */
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

  /** A document whose chunks and manifest the cluster acknowledged. */
  void indexed(ParsedPassages p) {
    indexed++;
    pages += p.pages();
    chunks += p.passages().size();
    if (p.truncated()) {
      truncated.add(p.source().uri());
    }
    listener.documentFinished(p.source(), p.truncated() ? DocumentOutcome.INDEXED_TRUNCATED : DocumentOutcome.INDEXED, "");
  }

  void deleted(Manifest m) {
    deleted++;
    listener.documentFinished(new SourceDocument(m.uri(), m.filename(), m.domain(), m.category(), -1, ""),
        DocumentOutcome.DELETED, "");
  }

  IngestReport build() {
    return new IngestReport(indexed, unchanged, deleted, rejected, truncated, pages, chunks, (System.nanoTime() - start) / 1e9);
  }
}
