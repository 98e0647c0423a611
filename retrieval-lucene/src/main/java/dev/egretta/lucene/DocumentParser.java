package dev.egretta.lucene;

import dev.egretta.core.spi.SourceDocument;

/**
 * This module's parse stage (text extraction, header and footer removal, chunking on parser threads,
 * results in submission order) for another index backend; from {@link BackendParts#parser}. Not
 * thread-safe: one ingestion run uses one parser and closes it.
 */
public final class DocumentParser implements AutoCloseable {
  private final ParseStage stage;

  DocumentParser(ParseStage stage) {
    this.stage = stage;
  }

  /** Parses {@code bytes} (the content of {@code doc}, whose SHA-256 is {@code sha256}) in the background. */
  public void submit(SourceDocument doc, String sha256, byte[] bytes) {
    stage.submit(doc, sha256, bytes);
  }

  /** Queues a rejection (e.g. a file over the size limit) behind the documents submitted before it. */
  public void reject(SourceDocument doc, String reason) {
    stage.pass(ParsedDocument.rejected(doc, "", reason));
  }

  /** More documents in flight than parser threads: take {@link #next} before submitting more. */
  public boolean full() {
    return stage.full();
  }

  public boolean isEmpty() {
    return stage.isEmpty();
  }

  /** The oldest document in flight, waiting for its parse. */
  public ParsedPassages next() {
    return ParsedPassages.of(stage.next());
  }

  @Override
  public void close() {
    stage.close();
  }
}
