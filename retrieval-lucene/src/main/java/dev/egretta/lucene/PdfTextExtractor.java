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
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.ContentHandler;

/**
 * Extracts text page by page from PDF bytes with Apache Tika, within a time limit and a character
 * limit. Anything that cannot be indexed ends as a {@link RejectedException} with a reason;
 * nothing a hostile file does escapes as another exception. Thread-safe.
 */
final class PdfTextExtractor implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(PdfTextExtractor.class.getName());
  private static final byte[] MAGIC = {'%', 'P', 'D', 'F', '-'};

  private final Duration timeLimit;
  private final long maxChars;
  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(null, r, "egretta-pdf-parse", 16L << 20);
            t.setDaemon(true);
            return t;
          });

  PdfTextExtractor(Duration timeLimit, long maxChars) {
    this.timeLimit = timeLimit;
    this.maxChars = maxChars;
  }

  /** Pages of text, or a rejection naming why there are none. */
  ExtractedText extract(byte[] bytes) throws RejectedException {
    if (bytes.length == 0) {
      throw new RejectedException("empty file");
    }
    if (!hasPdfHeader(bytes)) {
      throw new RejectedException("not a PDF (no %PDF- header in the first 1024 bytes)");
    }
    long deadline = System.nanoTime() + timeLimit.toNanos();
    PageCollector collector = new PageCollector(maxChars, deadline);
    Future<Attempt> future = workers.submit(() -> parse(bytes, collector));
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

  private Attempt parse(byte[] bytes, PageCollector collector) {
    Metadata metadata = new Metadata();
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      new PDFParser().parse(in, collector, metadata, context());
      return new Attempt(metadata, null);
    } catch (PageCollector.LimitReached e) {
      return new Attempt(metadata, null);
    } catch (PageCollector.DeadlineReached e) {
      return new Attempt(metadata, "parsing took longer than the time limit of " + timeLimit.toSeconds() + " s");
    } catch (EncryptedDocumentException e) {
      return new Attempt(metadata, "encrypted (a password is needed to read it)");
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      if (isEncryption(e)) {
        return new Attempt(metadata, "encrypted (a password is needed to read it)");
      }
      return new Attempt(metadata, "malformed PDF: " + describe(e));
    }
  }

  private record Attempt(Metadata metadata, String failure) {
    ExtractedText toText(PageCollector collector) throws RejectedException {
      List<String> pages = collector.pages();
      String title = metadata.get(TikaCoreProperties.TITLE);
      boolean hasText = pages.stream().anyMatch(p -> !p.isBlank());
      if (failure != null) {
        if (!hasText || failure.startsWith("encrypted") || failure.startsWith("parsing took")) {
          throw new RejectedException(failure);
        }
        LOG.log(System.Logger.Level.DEBUG, "keeping partial text after: {0}", failure);
        return new ExtractedText(pages, title == null ? "" : title.strip(), true);
      }
      if (pages.isEmpty()) {
        throw new RejectedException("the PDF has no pages");
      }
      if (!hasText) {
        throw new RejectedException("no extractable text (scanned images or empty pages)");
      }
      return new ExtractedText(pages, title == null ? "" : title.strip(), collector.truncated());
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

  static boolean hasPdfHeader(byte[] bytes) {
    int limit = Math.min(bytes.length, 1024) - MAGIC.length;
    outer:
    for (int i = 0; i <= limit; i++) {
      for (int j = 0; j < MAGIC.length; j++) {
        if (bytes[i + j] != MAGIC[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
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
