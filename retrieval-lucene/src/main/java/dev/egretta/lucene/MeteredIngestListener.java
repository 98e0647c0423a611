package dev.egretta.lucene;

import dev.egretta.core.metrics.EgrettaMetrics;
import dev.egretta.core.spi.SourceDocument;
import java.util.Objects;

/**
 * An {@link IngestListener} that counts each finished document in {@link EgrettaMetrics} (ingested,
 * unchanged or rejected; deletions are not counted) and passes every call on to another listener.
 */
public final class MeteredIngestListener implements IngestListener {
  private final EgrettaMetrics metrics;
  private final IngestListener next;

  private MeteredIngestListener(EgrettaMetrics metrics, IngestListener next) {
    this.metrics = metrics;
    this.next = next;
  }

  /** Counts into {@code metrics}, then calls {@code next} (e.g. {@link IngestListener#NONE} or a progress bar). */
  public static IngestListener of(EgrettaMetrics metrics, IngestListener next) {
    return new MeteredIngestListener(Objects.requireNonNull(metrics, "metrics"), Objects.requireNonNull(next, "next"));
  }

  @Override
  public void started(int total) {
    next.started(total);
  }

  @Override
  public void documentStarted(SourceDocument document) {
    next.documentStarted(document);
  }

  @Override
  public void documentFinished(SourceDocument document, DocumentOutcome outcome, String detail) {
    switch (outcome) {
      case INDEXED, INDEXED_TRUNCATED -> metrics.document("ingested");
      case UNCHANGED -> metrics.document("unchanged");
      case REJECTED -> metrics.document("rejected");
      case DELETED -> {
        // a removal is not a document looked at
      }
    }
    next.documentFinished(document, outcome, detail);
  }
}
