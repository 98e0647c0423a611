package dev.egretta.lucene;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Fills the pages of a PDF that have no usable text layer with what OCR reads on them: each such page
 * is rendered with PDFBox (grey, 300 dpi, fewer dots for a page so large that it would pass
 * {@value #MAX_PIXELS} pixels; images decoded subsampled) and read by {@link TesseractOcr}, within a
 * time limit per page. Page {@code i} of the result is page {@code i} of the PDF, so OCR'd chunks keep
 * exact page numbers. One instance per ingestion run, shared by its parser threads (thread-safe).
 */
final class ScannedPages implements AutoCloseable {
  /**
   * A page with fewer letters and digits than this has no usable text layer: scanners add a stray
   * page number or a "Scanned with ..." stamp, while a page of prose has hundreds.
   */
  static final int USABLE_CHARACTERS = 32;
  /** 300 dpi of a Letter or A4 page is about 8.7 million; the cap bounds memory for oversized pages. */
  static final long MAX_PIXELS = 12_000_000L;
  static final float DPI = 300;
  /** Time for rendering and reading one page. */
  static final Duration PAGE_TIME_LIMIT = Duration.ofSeconds(60);

  private static final System.Logger LOG = System.getLogger(ScannedPages.class.getName());

  private final TesseractOcr ocr;
  private final OcrMode mode;
  private final Duration pageTimeLimit;
  private final ExecutorService renderers = Executors.newCachedThreadPool(
      Thread.ofPlatform().daemon().name("egretta-ocr-render-", 0).factory());

  ScannedPages(TesseractOcr ocr, OcrMode mode, Duration pageTimeLimit) {
    this.ocr = ocr;
    this.mode = mode;
    this.pageTimeLimit = pageTimeLimit;
  }

  /** The pages after OCR; {@code pages} when nothing needed it. */
  Result fill(byte[] pdf, List<String> pages) throws RejectedException {
    List<Integer> wanted = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      if (mode == OcrMode.FORCE || !usable(pages.get(i))) {
        wanted.add(i);
      }
    }
    if (mode == OcrMode.OFF || wanted.isEmpty()) {
      return new Result(pages, 0);
    }
    if (!ocr.available()) {
      if (pages.stream().noneMatch(ScannedPages::usable)) {
        throw new RejectedException(OcrMode.UNAVAILABLE);
      }
      return new Result(pages, 0);
    }
    List<String> out = new ArrayList<>(pages);
    int read = 0;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(doc);
      renderer.setSubsamplingAllowed(true);
      for (int i : wanted) {
        if (i >= doc.getNumberOfPages()) {
          break;
        }
        long deadline = System.nanoTime() + pageTimeLimit.toNanos();
        BufferedImage image;
        Future<BufferedImage> rendering = renderers.submit(() -> render(renderer, doc, i));
        try {
          image = rendering.get(pageTimeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          // The abandoned render may still hold the document: no further page of it is rendered.
          rendering.cancel(true);
          LOG.log(System.Logger.Level.WARNING, "rendering page {0} for OCR took longer than {1} s; OCR stopped there",
              i + 1, pageTimeLimit.toSeconds());
          break;
        } catch (ExecutionException e) {
          LOG.log(System.Logger.Level.DEBUG, "cannot render page {0} for OCR: {1}", i + 1, e.getCause());
          continue;
        }
        try {
          String text = ocr.read(image, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
          if (usable(text) || !usable(out.get(i))) {
            out.set(i, text.strip());
          }
          read++;
        } catch (IOException e) {
          LOG.log(System.Logger.Level.DEBUG, "OCR of page {0} failed: {1}", i + 1, e.getMessage());
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot open the PDF for OCR: {0}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RejectedException("interrupted during OCR");
    }
    return new Result(out, read);
  }

  private static BufferedImage render(PDFRenderer renderer, PDDocument doc, int index) throws IOException {
    PDRectangle box = doc.getPage(index).getCropBox();
    double inches = Math.max(1e-3, box.getWidth() / 72.0) * Math.max(1e-3, box.getHeight() / 72.0);
    float dpi = (float) Math.min(DPI, Math.sqrt(MAX_PIXELS / inches));
    return renderer.renderImageWithDPI(index, Math.max(1, dpi), ImageType.GRAY);
  }

  static boolean usable(String text) {
    int n = 0;
    for (int i = 0; i < text.length() && n < USABLE_CHARACTERS; i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        n++;
      }
    }
    return n >= USABLE_CHARACTERS;
  }

  /** @param ocrPages how many pages OCR read */
  record Result(List<String> pages, int ocrPages) {}

  @Override
  public void close() {
    renderers.shutdownNow();
  }
}
