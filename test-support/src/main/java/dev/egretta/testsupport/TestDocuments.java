package dev.egretta.testsupport;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.sl.usermodel.SlideShow;
import org.apache.poi.sl.usermodel.TextBox;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * Writes documents of the formats other than text PDFs for tests: DOCX, PPTX and PPT with Apache POI,
 * DOC, ODT and RTF from their file structures, and
 * scanned PDFs (each page of a {@link TestPdfs} PDF rendered to an image and wrapped in a PDF that
 * has no text layer), so that tests ingest what users have.
 *
 * <pre>{@code
 * TestDocuments.docx(file, Map.of("Retention", "Records are kept for seven years."));
 * TestDocuments.pptx(file, List.of("Slide one text.", "Slide two text."));   // or ppt(...)
 * TestDocuments.doc(file, List.of("First paragraph.", "Second paragraph."));  // or rtf(...)
 * TestDocuments.odt(file, Map.of("Retention", "Records are kept for seven years."));
 * TestDocuments.scannedPdf(file, List.of("Page one, only as an image."));
 * }</pre>
 */
public final class TestDocuments {
  /** Rendering resolution of scanned pages: what an office scanner produces for OCR. */
  static final float SCAN_DPI = 200;

  private TestDocuments() {}

  /** A DOCX with one "Heading 1" paragraph per key followed by its text (blank lines split paragraphs). */
  public static Path docx(Path file, Map<String, String> sections) {
    try (XWPFDocument doc = new XWPFDocument()) {
      for (Map.Entry<String, String> s : sections.entrySet()) {
        XWPFParagraph heading = doc.createParagraph();
        heading.setStyle("Heading1");
        heading.createRun().setText(s.getKey());
        for (String para : s.getValue().split("\n\n")) {
          doc.createParagraph().createRun().setText(para);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return write(file, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PPTX with one slide per string, each in one text box. */
  public static Path pptx(Path file, List<String> slides) {
    return slides(file, new XMLSlideShow(), slides);
  }

  /** A Word 97-2003 binary document ({@code .doc}) of these paragraphs, in the default style. */
  public static Path doc(Path file, List<String> paragraphs) {
    return write(file, WordBinaryWriter.write(paragraphs));
  }

  /** An OpenDocument text ({@code .odt}) with one outline-level-1 heading per key followed by its text. */
  public static Path odt(Path file, Map<String, String> sections) {
    return write(file, OpenDocumentWriter.write(sections));
  }

  /** An RTF document of these paragraphs (ASCII text; braces and backslashes are escaped). */
  public static Path rtf(Path file, List<String> paragraphs) {
    StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\fswiss Helvetica;}}\\f0\n");
    for (String p : paragraphs) {
      rtf.append("\\pard ").append(p.replaceAll("([\\\\{}])", "\\\\$1")).append("\\par\n");
    }
    return write(file, rtf.append("}").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** A PowerPoint 97-2003 presentation ({@code .ppt}) with one slide per string, each in one text box. */
  public static Path ppt(Path file, List<String> slides) {
    return slides(file, new HSLFSlideShow(), slides);
  }

  private static Path slides(Path file, SlideShow<?, ?> show, List<String> slides) {
    try (show) {
      for (String text : slides) {
        TextBox<?, ?> box = show.createSlide().createTextBox();
        box.setAnchor(new java.awt.Rectangle(40, 40, 640, 440));
        box.setText(text);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      show.write(out);
      return write(file, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF whose pages are images of {@code pages}' text (as {@link TestPdfs} lays it out) and that has no text layer. */
  public static Path scannedPdf(Path file, List<String> pages) {
    return write(file, scannedPdf(TestPdfs.pdf().pages(pages).bytes()));
  }

  /**
   * As {@link #scannedPdf(Path, List)}, with each page scanned black and white and JBIG2-compressed
   * (the {@code JBIG2Decode} filter), which PDFBox cannot render without a JBIG2 decoder.
   */
  public static Path jbig2ScannedPdf(Path file, List<String> pages) {
    return write(file, Jbig2Scans.of(TestPdfs.pdf().pages(pages).bytes()));
  }

  /** An image-only copy of a PDF: every page rendered (grey, {@value #SCAN_DPI} dpi) and placed as one image. */
  public static byte[] scannedPdf(byte[] textPdf) {
    try (PDDocument source = Loader.loadPDF(textPdf); PDDocument scan = new PDDocument()) {
      PDFRenderer renderer = new PDFRenderer(source);
      for (int i = 0; i < source.getNumberOfPages(); i++) {
        PDRectangle box = source.getPage(i).getMediaBox();
        BufferedImage image = renderer.renderImageWithDPI(i, SCAN_DPI, ImageType.GRAY);
        PDPage page = new PDPage(box);
        scan.addPage(page);
        PDImageXObject xobject = LosslessFactory.createFromImage(scan, image);
        try (PDPageContentStream content = new PDPageContentStream(scan, page)) {
          content.drawImage(xobject, 0, 0, box.getWidth(), box.getHeight());
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      scan.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write test document " + file, e);
    }
  }
}
