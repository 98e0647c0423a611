package dev.egretta.lucene;

import dev.egretta.core.spi.SourceDocument;

/**
 * Progress of one ingestion run, e.g. for a progress bar. Called from the ingesting thread;
 * implementations should return quickly and must not throw.
 */
public interface IngestListener {
  /** Does nothing. */
  IngestListener NONE = new IngestListener() {};

  /** The source has been listed: {@code total} documents will be looked at. */
  default void started(int total) {}

  /** Work on one document begins. */
  default void documentStarted(SourceDocument document) {}

  /**
   * One document is done (indexed documents once their batch is committed).
   *
   * @param detail the rejection reason for {@link DocumentOutcome#REJECTED}; empty otherwise
   */
  default void documentFinished(SourceDocument document, DocumentOutcome outcome, String detail) {}
}
