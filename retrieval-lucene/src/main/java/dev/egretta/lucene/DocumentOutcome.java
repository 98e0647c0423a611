package dev.egretta.lucene;

/** What ingestion did with one document. */
public enum DocumentOutcome {
  INDEXED,
  /** Indexed, but only the text before the character limit (or before a damaged part). */
  INDEXED_TRUNCATED,
  UNCHANGED,
  REJECTED,
  DELETED
}
