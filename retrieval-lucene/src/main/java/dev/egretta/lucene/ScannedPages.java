package dev.egretta.lucene;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * exact page numbers. A JBIG2-compressed scan, which PDFBox cannot decode, is rendered by
 * {@link PopplerRenderer} in a child process killed at the same page time limit. One instance per
 * ingestion run, shared by its parser threads (thread-safe).
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
  static final int INK_PIXELS_PER_MILLION = 50;
  /**
   * OCR time for one document: a scanned book of a few hundred pages fits; a hostile PDF of thousands
   * of noisy pages ends indexed up to there, marked truncated, instead of holding a parser thread for hours.
   */
  static final Duration DOCUMENT_TIME_LIMIT = Duration.ofMinutes(15);

  private static final System.Logger LOG = System.getLogger(ScannedPages.class.getName());

  private final TesseractOcr ocr;
  private final PopplerRenderer poppler;
  private final OcrMode mode;
  private final Duration pageTimeLimit;
  private final ExecutorService renderers = Executors.newCachedThreadPool(
      Thread.ofPlatform().daemon().name("egretta-ocr-render-", 0).factory());

  ScannedPages(TesseractOcr ocr, OcrMode mode, Duration pageTimeLimit) {
    this(ocr, PopplerRenderer.system(), mode, pageTimeLimit);
  }

  ScannedPages(TesseractOcr ocr, PopplerRenderer poppler, OcrMode mode, Duration pageTimeLimit) {
    this.ocr = ocr;
    this.poppler = poppler;
    this.mode = mode;
    this.pageTimeLimit = pageTimeLimit;
  }

  /** The pages after OCR; {@code pages} when nothing needed it. */
  Result fill(byte[] pdf, List<String> pages) throws RejectedException {
    if (mode == OcrMode.OFF || mode == OcrMode.AUTO && pages.stream().allMatch(ScannedPages::usable)) {
      return new Result(pages, 0, false);
    }
    List<String> out = new ArrayList<>(pages);
    int read = 0;
    boolean cut = false;
    long documentDeadline = System.nanoTime() + DOCUMENT_TIME_LIMIT.toNanos();
    Path file = null; // the PDF on disk, for pdftoppm; written at the first JBIG2 page
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<Integer> wanted = new ArrayList<>();
      for (int i = 0; i < Math.min(pages.size(), doc.getNumberOfPages()); i++) {
        // A short text layer on a page without images is a short page (a title, "Potato 17"), not a scan
        if (mode == OcrMode.FORCE || !usable(pages.get(i)) && PageImages.has(doc.getPage(i))) {
          wanted.add(i);
        }
      }
      if (wanted.isEmpty()) {
        return new Result(pages, 0, false);
      }
      if (!ocr.available()) {
        if (pages.stream().noneMatch(ScannedPages::usable)) {
          throw new RejectedException(OcrMode.UNAVAILABLE);
        }
        return new Result(pages, 0, false);
      }
      PDFRenderer renderer = new PDFRenderer(doc);
      renderer.setSubsamplingAllowed(true);
      for (int i : wanted) {
        if (i >= doc.getNumberOfPages()) {
          break;
        }
        if (System.nanoTime() - documentDeadline > 0) {
          cut = true;
          LOG.log(System.Logger.Level.WARNING, "OCR stopped at page {0}: the document''s OCR took longer than {1} min",
              i + 1, DOCUMENT_TIME_LIMIT.toMinutes());
          break;
        }
        long deadline = System.nanoTime() + pageTimeLimit.toNanos();
        BufferedImage image;
        if (PageImages.jbig2(doc.getPage(i)) && poppler.available()) {
          try {
            file = file != null ? file : Files.write(Files.createTempFile("egretta-ocr-", ".pdf"), pdf);
            image = poppler.render(file, i, dpi(doc.getPage(i).getCropBox()), pageTimeLimit);
          } catch (IOException e) { // killed at the time limit, or broken: the process took it all with it
            LOG.log(System.Logger.Level.DEBUG, "cannot render JBIG2 page {0} for OCR: {1}", i + 1, e.getMessage());
            continue;
          }
        } else {
          Future<BufferedImage> rendering = renderers.submit(() -> render(renderer, doc, i));
          try {
            image = rendering.get(pageTimeLimit.toMillis(), TimeUnit.MILLISECONDS);
          } catch (TimeoutException e) {
            // The abandoned render may still hold the document: no further page of it is rendered.
            rendering.cancel(true);
            LOG.log(System.Logger.Level.WARNING, "rendering page {0} for OCR took longer than {1} s; OCR stopped there",
                i + 1, pageTimeLimit.toSeconds());
            cut = true;
            break;
          } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot render page {0} for OCR: {1}", i + 1, e.getCause());
            continue;
          }
        }
        if (!hasInk(image)) {
          continue; // a blank page (the back of a duplex scan, an empty hostile page): nothing to read
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
    } finally {
      deleteQuietly(file);
    }
    return new Result(out, read, cut);
  }

  private static BufferedImage render(PDFRenderer renderer, PDDocument doc, int index) throws IOException {
    return renderer.renderImageWithDPI(index, dpi(doc.getPage(index).getCropBox()), ImageType.GRAY);
  }

  /** {@value #DPI} dpi, or less for a page so large that it would pass {@value #MAX_PIXELS} pixels. */
  static float dpi(PDRectangle box) {
    double inches = Math.max(1e-3, box.getWidth() / 72.0) * Math.max(1e-3, box.getHeight() / 72.0);
    return Math.max(1, (float) Math.min(DPI, Math.sqrt(MAX_PIXELS / inches)));
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "cannot delete {0}: {1}", file, e.getMessage());
      }
    }
  }

  /**
   * Whether a grey page image has any ink: at least {@value #INK_PIXELS_PER_MILLION} dark pixels per
   * million (a line of small print on a Letter page at 300 dpi is some thousands).
   */
  static boolean hasInk(BufferedImage image) {
    Raster raster = image.getRaster();
    int width = raster.getWidth();
    int height = raster.getHeight();
    long needed = Math.max(1, (long) width * height * INK_PIXELS_PER_MILLION / 1_000_000);
    int[] row = new int[width];
    long dark = 0;
    for (int y = 0; y < height; y++) {
      raster.getSamples(0, y, width, 1, 0, row);
      for (int v : row) {
        if (v < 128 && ++dark >= needed) {
          return true;
        }
      }
    }
    return false;
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

  /**
   * @param ocrPages how many pages OCR read
   * @param cutShort whether OCR stopped before the last page that needed it (a time limit)
   */
  record Result(List<String> pages, int ocrPages, boolean cutShort) {}

  @Override
  public void close() {
    renderers.shutdownNow();
  }
}
