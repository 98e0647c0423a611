package dev.egretta.lucene;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.ContentHandler;

/**
 * Extracts text from a document's bytes with Apache Tika, within a time limit and a character
 * limit: page by page for PDFs (slide by slide for presentations), as one text for formats without
 * pages. The format is told by content ({@link DocumentFormat}). Anything that cannot be indexed ends
 * as a {@link RejectedException} with a reason; nothing a hostile file does escapes as another
 * exception. A PDF without a text layer comes back blank, not rejected: OCR may still read it.
 * Thread-safe.
 */
final class TextExtractor implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(TextExtractor.class.getName());
  /**
   * Every format but PDF; Tika's container detection picks the parser (thread-safe, shared). Built on
   * first use: it loads every Tika parser (POI, Jackcess, ...), about 1,000 classes that an index
   * opened only to answer questions never needs.
   */
  private static final class OtherFormats {
    static final AutoDetectParser PARSER = new AutoDetectParser();
  }

  private final Duration timeLimit;
  private final long maxChars;
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(null, r, "egretta-pdf-parse", 16L << 20);
            t.setDaemon(true);
            return t;
          });

  TextExtractor(Duration timeLimit, long maxChars) {
    this.timeLimit = timeLimit;
    this.maxChars = maxChars;
  }

  /** Pages of text, or a rejection naming why there are none. */
  ExtractedText extract(byte[] bytes) throws RejectedException {
    if (bytes.length == 0) {
      throw new RejectedException("empty file");
    }
    DocumentFormat format = DocumentFormat.detect(bytes);
    long deadline = System.nanoTime() + timeLimit.toNanos();
    PageCollector collector = new PageCollector(maxChars, deadline, format.pageClass());
    Future<Attempt> future = workers.submit(() -> parse(bytes, collector, format));
    Attempt attempt;
    try {
      attempt = future.get(timeLimit.toMillis() + 2_000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new RejectedException("parsing took longer than the time limit of " + timeLimit.toSeconds() + " s");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new RejectedException("interrupted while parsing");
    } catch (ExecutionException e) {
      throw new RejectedException("parser failed: " + describe(e.getCause()));
    }
    return attempt.toText(collector);
  }

  private Attempt parse(byte[] bytes, PageCollector collector, DocumentFormat format) {
    Metadata metadata = new Metadata();
    // PDFs read from a plain stream exactly as before; container formats need Tika's stream
    try (InputStream in = format == DocumentFormat.PDF ? new ByteArrayInputStream(bytes) : TikaInputStream.get(bytes)) {
      if (format == DocumentFormat.PDF) {
        new PDFParser().parse(in, collector, metadata, context());
      } else {
        OtherFormats.PARSER.parse(in, collector, metadata, context());
      }
      return new Attempt(format, metadata, null);
    } catch (PageCollector.LimitReached e) {
      return new Attempt(format, metadata, null);
    } catch (PageCollector.DeadlineReached e) {
      return new Attempt(format, metadata, "parsing took longer than the time limit of " + timeLimit.toSeconds() + " s");
    } catch (EncryptedDocumentException e) {
      return new Attempt(format, metadata, "encrypted (a password is needed to read it)");
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      if (isEncryption(e)) {
        return new Attempt(format, metadata, "encrypted (a password is needed to read it)");
      }
      return new Attempt(format, metadata, "malformed " + format.label() + ": " + describe(e));
    }
  }

  private record Attempt(DocumentFormat format, Metadata metadata, String failure) {
    ExtractedText toText(PageCollector collector) throws RejectedException {
      List<String> pages = format == DocumentFormat.TEXT
          ? collector.pages().stream().map(MarkdownHeadings::asParagraphs).toList() : collector.pages();
      String title = metadata.get(TikaCoreProperties.TITLE);
      boolean hasText = pages.stream().anyMatch(p -> !p.isBlank());
      if (failure != null) {
        if (!hasText || failure.startsWith("encrypted") || failure.startsWith("parsing took")) {
          throw new RejectedException(failure);
        }
        LOG.log(System.Logger.Level.DEBUG, "keeping partial text after: {0}", failure);
        return new ExtractedText(pages, title == null ? "" : title.strip(), true, format.layout());
      }
      if (pages.isEmpty()) {
        throw new RejectedException(format == DocumentFormat.PDF ? "the PDF has no pages" : "no extractable text");
      }
      if (!hasText && format != DocumentFormat.PDF) {
        throw new RejectedException("no extractable text");
      }
      return new ExtractedText(pages, title == null ? "" : title.strip(), collector.truncated(), format.layout());
    }
  }

  private static ParseContext context() {
    PDFParserConfig config = new PDFParserConfig();
    config.setSortByPosition(false);
    config.setSuppressDuplicateOverlappingText(false);
    config.setExtractInlineImages(false);
    config.setExtractAnnotationText(false);
    config.setExtractBookmarksText(false);
    config.setExtractAcroFormContent(false);
    config.setExtractActions(false);
    config.setExtractMarkedContent(false);
    config.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    config.setMaxMainMemoryBytes(256L << 20);
    ParseContext context = new ParseContext();
    context.set(PDFParserConfig.class, config);
    context.set(EmbeddedDocumentExtractor.class, new NoEmbedded());
    return context;
  }

  /** Attachments and portfolios are not indexed as part of the document. */
  private static final class NoEmbedded implements EmbeddedDocumentExtractor {
    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      return false;
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {}
  }

  private static boolean isEncryption(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (name.contains("InvalidPassword") || t instanceof EncryptedDocumentException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage() == null ? "" : root.getMessage().strip();
    if (msg.length() > 200) {
      msg = msg.substring(0, 200) + "...";
    }
    return root.getClass().getSimpleName() + (msg.isEmpty() ? "" : ": " + msg);
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
