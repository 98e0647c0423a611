package dev.egretta.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes small real PDFs for tests with PDFBox, so that tests parse what users index: one string per
 * page, in 10 pt Helvetica on a Letter page. Within a page {@code \n} breaks a line, a blank line
 * separates paragraphs and long lines wrap at {@value #WRAP} characters; a page whose text does not
 * fit is refused rather than silently cut.
 *
 * <pre>{@code
 * TestPdfs.write(root.resolve("business-continuity/pdf/us/plan.pdf"), List.of("Page one.", "Page two."));
 * TestPdfs.pdf().title("Secret").page("Classified text.").userPassword("pw").write(file);
 * byte[] upload = TestPdfs.pdf().pages(pages).bytes();
 * }</pre>
 */
public final class TestPdfs {
  /** Characters per line before a line wraps. */
  static final int WRAP = 95;
  private static final float FONT_SIZE = 10;
  private static final float LEFT = 50;
  private static final float TOP = 740;
  private static final float BOTTOM = 40;
  private static final float LEADING = 13;
  private static final float PARAGRAPH_GAP = 8;

  private TestPdfs() {}

  /** A builder for one PDF. */
  public static Builder pdf() {
    return new Builder();
  }

  /** Writes {@code pages} (one string per page) to {@code file}, creating its folder; returns {@code file}. */
  public static Path write(Path file, List<String> pages) {
    return pdf().pages(pages).write(file);
  }

  /** One PDF to write: its pages, an optional title and an optional user password (which encrypts it). */
  public static final class Builder {
    private final List<String> pages = new ArrayList<>();
    private String title;
    private String userPassword;

    private Builder() {}

    /** Adds one page of text. */
    public Builder page(String text) {
      if (text == null) {
        throw new IllegalArgumentException("page " + (pages.size() + 1) + " is null");
      }
      pages.add(text);
      return this;
    }

    /** Adds one page per string. */
    public Builder pages(List<String> texts) {
      texts.forEach(this::page);
      return this;
    }

    /** Sets the document information's title. */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /** Encrypts the PDF (AES-128) so that it opens only with this password. */
    public Builder userPassword(String password) {
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("user password must not be empty: " + password);
      }
      this.userPassword = password;
      return this;
    }

    /** The PDF's bytes. */
    public byte[] bytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (PDDocument doc = document()) {
        doc.save(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }

    /** Writes the PDF to {@code file}, creating its folder; returns {@code file}. */
    public Path write(Path file) {
      try {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (PDDocument doc = document()) {
          doc.save(file.toFile());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write test PDF " + file, e);
      }
      return file;
    }

    private PDDocument document() throws IOException {
      if (pages.isEmpty()) {
        throw new IllegalArgumentException("a PDF needs at least one page");
      }
      PDDocument doc = new PDDocument();
      try {
        if (title != null) {
          PDDocumentInformation info = new PDDocumentInformation();
          info.setTitle(title);
          doc.setDocumentInformation(info);
        }
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        for (int i = 0; i < pages.size(); i++) {
          addPage(doc, font, i + 1, wrap(pages.get(i)));
        }
        if (userPassword != null) {
          StandardProtectionPolicy policy =
              new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
          policy.setEncryptionKeyLength(128);
          doc.protect(policy);
        }
        return doc;
      } catch (IOException | RuntimeException e) {
        doc.close();
        throw e;
      }
    }
  }

  private static void addPage(PDDocument doc, PDType1Font font, int number, List<String> lines) throws IOException {
    float height = 0;
    for (String line : lines) {
      height += line.isEmpty() ? PARAGRAPH_GAP : LEADING;
    }
    if (TOP - height < BOTTOM) {
      throw new IllegalArgumentException("page " + number + " has " + lines.size()
          + " lines, more than fit on one page; split it into pages");
    }
    PDPage page = new PDPage();
    doc.addPage(page);
    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
      cs.beginText();
      cs.setFont(font, FONT_SIZE);
      cs.newLineAtOffset(LEFT, TOP);
      for (String line : lines) {
        if (!line.isEmpty()) {
          cs.showText(line);
        }
        cs.newLineAtOffset(0, line.isEmpty() ? -PARAGRAPH_GAP : -LEADING);
      }
      cs.endText();
    }
  }

  /** The page's lines: {@code \n} breaks a line, a blank line stays empty, long lines wrap between words. */
  static List<String> wrap(String text) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      if (paragraph.isBlank()) {
        lines.add("");
        continue;
      }
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split("\\s+")) {
        if (line.length() + word.length() + 1 > WRAP && !line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (!line.isEmpty()) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }
}
