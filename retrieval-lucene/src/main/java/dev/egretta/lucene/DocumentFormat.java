package dev.egretta.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * The kinds of document ingestion reads, told apart by their bytes (magic numbers, OLE2 and ZIP
 * container contents, text heuristics), never by the file name: a Word file named {@code .pdf} is
 * read as Word. Each kind says whether it has pages and which Tika element marks one.
 */
enum DocumentFormat {
  /** PDF: one {@code <div class="page">} per physical page. */
  PDF("PDF", "page", ExtractedText.Layout.PAGES),
  /** PowerPoint (PPTX, PPT): one page per slide. */
  SLIDES("presentation", "slide-content", ExtractedText.Layout.SLIDES),
  /** Word (DOCX, DOC), OpenDocument text, RTF: no stable pages, one text. */
  WORD_PROCESSING("word-processing document", null, ExtractedText.Layout.NONE),
  /** HTML and XHTML. */
  HTML("HTML", null, ExtractedText.Layout.NONE),
  /** Plain text and Markdown (UTF-8 or another charset Tika detects). */
  TEXT("text", null, ExtractedText.Layout.NONE);

  private static final Detector DETECTOR = new DefaultDetector();
  private static final MediaTypeRegistry TYPES = MediaTypeRegistry.getDefaultRegistry();
  private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

  private final String label;
  private final String pageClass;
  private final ExtractedText.Layout layout;

  DocumentFormat(String label, String pageClass, ExtractedText.Layout layout) {
    this.label = label;
    this.pageClass = pageClass;
    this.layout = layout;
  }

  /** How rejection reasons name the format ("malformed PDF: ..."). */
  String label() {
    return label;
  }

  /** The class of Tika's {@code <div>} that holds one page; null when the format has no pages. */
  String pageClass() {
    return pageClass;
  }

  ExtractedText.Layout layout() {
    return layout;
  }

  /** The media type Tika detects in a file's content, e.g. {@code application/pdf}. */
  static String mediaType(Path file) throws IOException {
    try (TikaInputStream in = TikaInputStream.get(file)) {
      return DETECTOR.detect(in, new Metadata()).getBaseType().toString();
    }
  }

  /** The usual file extension ({@code .docx}) of a media type Egretta reads; empty for the others. */
  static Optional<String> extension(String mediaType) {
    MediaType type = MediaType.parse(mediaType);
    if (type == null || of(type) == null) {
      return Optional.empty();
    }
    try {
      String ext = MimeTypes.getDefaultMimeTypes().forName(type.toString()).getExtension();
      return Optional.of(ext.isEmpty() ? ".txt" : ext);
    } catch (MimeTypeException e) {
      return Optional.empty();
    }
  }

  /** The format of {@code bytes}, or a rejection naming the detected type when it is not one Egretta reads. */
  static DocumentFormat detect(byte[] bytes) throws RejectedException {
    if (hasPdfHeader(bytes)) {
      return PDF; // the common case costs no container sniffing
    }
    MediaType type;
    try (TikaInputStream in = TikaInputStream.get(bytes)) {
      type = DETECTOR.detect(in, new Metadata());
    } catch (IOException | RuntimeException e) {
      throw new RejectedException("cannot tell the file's format: " + e.getClass().getSimpleName());
    }
    DocumentFormat format = of(type);
    if (format == null) {
      throw new RejectedException("unsupported format (" + type.getBaseType()
          + "); Egretta reads PDF, Word, OpenDocument text, RTF, PowerPoint, HTML, Markdown and plain text");
    }
    return format;
  }

  /** The format for a detected media type; null when unsupported. */
  static DocumentFormat of(MediaType detected) {
    MediaType type = detected.getBaseType();
    String sub = type.getSubtype().toLowerCase(Locale.ROOT);
    if (type.equals(MediaType.application("pdf"))) {
      return PDF;
    }
    if (sub.contains("presentationml") || sub.equals("vnd.ms-powerpoint")) {
      return SLIDES;
    }
    if (sub.contains("wordprocessingml") || sub.equals("msword") || sub.startsWith("vnd.ms-word")
        || sub.equals("vnd.oasis.opendocument.text") || sub.equals("rtf")) {
      return WORD_PROCESSING;
    }
    if (type.equals(MediaType.TEXT_HTML) || type.equals(MediaType.application("xhtml+xml"))) {
      return HTML;
    }
    if (TYPES.isInstanceOf(type, MediaType.TEXT_PLAIN) && !TYPES.isInstanceOf(type, MediaType.application("xml"))) {
      return TEXT;
    }
    return null;
  }

  static boolean hasPdfHeader(byte[] bytes) {
    int limit = Math.min(bytes.length, 1024) - PDF_MAGIC.length;
    outer:
    for (int i = 0; i <= limit; i++) {
      for (int j = 0; j < PDF_MAGIC.length; j++) {
        if (bytes[i + j] != PDF_MAGIC[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
