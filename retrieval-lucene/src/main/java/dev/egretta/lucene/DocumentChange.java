package dev.egretta.lucene;

/** What the plan found when it compared one listed document with what the index records of it. */
sealed interface DocumentChange {
  /** Same source version or same SHA-256 as the index records: nothing to do. */
  record Unchanged(Manifest old) implements DocumentChange {}

  /**
   * Not readable now (network, throttling, a replaced object): reported, but nothing recorded, so that a
   * previous version stays searchable and the next run reads the document again.
   */
  record Unreadable(String reason) implements DocumentChange {}

  /** Rejected before parsing (too large): the rejection is recorded like a parse's. */
  record Rejected(String reason) implements DocumentChange {}

  /** New or changed content, to be parsed. */
  record Changed(String sha256, byte[] bytes) implements DocumentChange {}
}
