package dev.egretta.lucene;

import dev.egretta.core.Organisation;
import java.util.Objects;
import java.util.Optional;

/**
 * How one ingestion run files its documents.
 *
 * @param owner whose private documents these are; empty = the public library
 * @param sync whether documents of that owner that the source no longer lists are deleted
 * @param ocr when PDF pages are read with OCR ({@link OcrMode#AUTO} by default)
 */
public record IngestOptions(Optional<Organisation> owner, boolean sync, OcrMode ocr) {
  public IngestOptions {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(ocr, "ocr");
  }

  /** Options with OCR where a page needs it. */
  public IngestOptions(Optional<Organisation> owner, boolean sync) {
    this(owner, sync, OcrMode.AUTO);
  }

  /** Public library, no deletions. */
  public static IngestOptions publicLibrary() {
    return new IngestOptions(Optional.empty(), false);
  }

  /** One organisation's private documents, no deletions. */
  public static IngestOptions privateTo(Organisation owner) {
    return new IngestOptions(Optional.of(owner), false);
  }

  /** The same options with deletion of vanished documents switched on. */
  public IngestOptions withSync() {
    return new IngestOptions(owner, true, ocr);
  }

  /** The same options with another OCR mode. */
  public IngestOptions withOcr(OcrMode mode) {
    return new IngestOptions(owner, sync, mode);
  }
}
