package dev.egretta.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Writes small real PDFs with PDFBox: one paragraph per page, wrapped at 90 characters. */
final class Pdfs {
  private Pdfs() {}

  static Path write(Path file, List<String> pages) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes(pages));
    return file;
  }

  static byte[] bytes(List<String> pages) throws IOException {
    try (PDDocument doc = new PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (String text : pages) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 11);
          cs.newLineAtOffset(50, 740);
          StringBuilder line = new StringBuilder();
          for (String word : text.split(" ")) {
            if (line.length() + word.length() > 90) {
              cs.showText(line.toString().strip());
              cs.newLineAtOffset(0, -14);
              line.setLength(0);
            }
            line.append(word).append(' ');
          }
          cs.showText(line.toString().strip());
          cs.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }
}
