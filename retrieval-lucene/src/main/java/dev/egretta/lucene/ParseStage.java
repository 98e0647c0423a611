package dev.egretta.lucene;

import dev.egretta.core.EgrettaException;
import dev.egretta.core.spi.SourceDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The parse stage: text extraction, header and footer removal and chunking of the documents read by the
 * plan, on parser threads, handed on in listing order.
 */
final class ParseStage implements AutoCloseable {
  /**
   * Documents parsed at once. While the first documents are parsed the embedder has nothing to do,
   * and a cold JVM parses several times slower than a warm one, so parsing uses every core then;
   * later the parser threads share the cores with the embedding threads.
   */
  static final int PARSE_THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

  private final TextExtractor extractor;
  private final Chunker chunker;
  private final boolean plainText;
  private final ScannedPages scanned;
  private final ExecutorService parsers = Executors.newFixedThreadPool(PARSE_THREADS,
      Thread.ofPlatform().daemon().name("egretta-ingest-parser-", 0).factory());
  private final Deque<Future<ParsedDocument>> inFlight = new ArrayDeque<>();

  /**
   * @param plainText the source is a {@link TextDocumentSource} (UTF-8, pages split by form feeds)
   * @param ocr when PDF pages are read with OCR
   */
  ParseStage(TextExtractor extractor, Chunker chunker, boolean plainText, OcrMode ocr) {
    this(extractor, chunker, plainText, new ScannedPages(TesseractOcr.system(), ocr, ScannedPages.PAGE_TIME_LIMIT));
  }

  ParseStage(TextExtractor extractor, Chunker chunker, boolean plainText, ScannedPages scanned) {
    this.extractor = extractor;
    this.chunker = chunker;
    this.plainText = plainText;
    this.scanned = scanned;
  }

  void submit(SourceDocument doc, String sha256, byte[] bytes) {
    inFlight.add(parsers.submit(() -> parse(doc, sha256, bytes)));
  }

  /** Queues a document that needs no parsing (a rejection) behind the ones submitted before it. */
  void pass(ParsedDocument done) {
    inFlight.add(CompletableFuture.completedFuture(done));
  }

  /** More documents in flight than parser threads: the caller takes the oldest before reading more. */
  boolean full() {
    return inFlight.size() > PARSE_THREADS;
  }

  boolean isEmpty() {
    return inFlight.isEmpty();
  }

  /** The oldest document in flight, waiting for its parse. */
  ParsedDocument next() {
    try {
      return inFlight.poll().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EgrettaException("interrupted while parsing", e);
    } catch (ExecutionException e) {
      throw new EgrettaException("parsing failed: " + e.getCause(), e.getCause());
    }
  }

  /** Text, boilerplate removal and chunks of one document; runs on a parser thread, touches no shared state. */
  private ParsedDocument parse(SourceDocument doc, String sha, byte[] bytes) {
    try {
      if (!plainText && bytes.length > 0 && doc.filename().toLowerCase(Locale.ROOT).endsWith(".pdf")
          && !DocumentFormat.hasPdfHeader(bytes)) {
        // Formats are told by content, but a file that claims to be a PDF and is not one is a broken PDF,
        // not a text document to index
        return ParsedDocument.rejected(doc, sha, "not a PDF (no %PDF- header in the first 1024 bytes)");
      }
      ExtractedText extracted = plainText ? plainText(bytes) : extractor.extract(bytes);
      if (!plainText && DocumentFormat.hasPdfHeader(bytes)) {
        ScannedPages.Result ocr = scanned.fill(bytes, extracted.pages());
        extracted = new ExtractedText(ocr.pages(), extracted.title(), extracted.truncated() || ocr.cutShort(), extracted.layout());
      }
      List<String> cleaned = plainText || !extracted.paged() ? extracted.pages() : BoilerplateRemover.clean(extracted.pages());
      List<Chunk> chunks = chunker.chunk(cleaned, extracted.layout() == ExtractedText.Layout.SLIDES);
      if (chunks.isEmpty()) {
        return ParsedDocument.rejected(doc, sha, "no extractable text (scanned images or empty pages)");
      }
      return new ParsedDocument(doc, sha, extracted.withPages(cleaned), chunks, null);
    } catch (RejectedException e) {
      return ParsedDocument.rejected(doc, sha, e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      return ParsedDocument.rejected(doc, sha, "cannot process the text: " + e);
    }
  }

  private static ExtractedText plainText(byte[] bytes) throws RejectedException {
    String s = new String(bytes, StandardCharsets.UTF_8);
    if (s.isBlank()) {
      throw new RejectedException("empty text");
    }
    return new ExtractedText(Arrays.asList(s.split("\f", -1)), "", false);
  }

  /** Stops the parser threads; parses still running are interrupted (the extractor has its own deadline). */
  @Override
  public void close() {
    parsers.shutdownNow();
    scanned.close();
  }
}
