package dev.egretta.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Writes small real PDFs for tests: one string per page, paragraphs separated by blank lines. */
final class TestPdfs {
  private TestPdfs() {}

  static Path write(Path file, String title, List<String> pages) throws IOException {
    return write(file, title, pages, null);
  }

  static Path write(Path file, String title, List<String> pages, String userPassword) throws IOException {
    Files.createDirectories(file.getParent());
    try (PDDocument doc = new PDDocument()) {
      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle(title);
      doc.setDocumentInformation(info);
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (String text : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 10);
          cs.newLineAtOffset(50, 740);
          for (String line : wrap(text, 95)) {
            if (!line.isEmpty()) {
              cs.showText(line);
            }
            cs.newLineAtOffset(0, line.isEmpty() ? -8 : -13);
          }
          cs.endText();
        }
      }
      if (userPassword != null) {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      doc.save(file.toFile());
    }
    return file;
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      if (paragraph.isBlank()) {
        lines.add("");
        continue;
      }
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.strip().split("\\s+")) {
        if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
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
