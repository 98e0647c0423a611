package dev.egretta.lucene;

/** A document cannot be indexed; the message is the reason shown to the user. */
final class RejectedException extends Exception {
  RejectedException(String reason) {
    super(reason, null, false, false);
  }
}
