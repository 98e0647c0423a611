package dev.egretta.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Hostile documents of the formats beside PDF, written at test time: a DOCX whose main part inflates
 * a thousandfold (zip bomb), a DOCX and an XHTML page with nested entity definitions (billion
 * laughs), an image-only PDF on the largest page PDF allows, and HTML nested very deep.
 */
public final class HostileDocuments {
  private HostileDocuments() {}

  /** A DOCX whose {@code word/document.xml} carries {@code inflatedMegabytes} MB of one repeated byte. */
  public static Path zipBombDocx(Path file, int inflatedMegabytes) {
    byte[] docx = docxBytes();
    return write(file, rewrite(docx, "word/document.xml", xml -> {
      String s = new String(xml, StandardCharsets.UTF_8);
      int body = s.indexOf("<w:body>") + "<w:body>".length();
      return join(s.substring(0, body) + "<!--", "a".repeat(1 << 20), inflatedMegabytes, "-->" + s.substring(body));
    }));
  }

  /** A DOCX whose {@code word/document.xml} declares ten levels of ten-fold entities and uses the last. */
  public static Path entityExpansionDocx(Path file) {
    return write(file, rewrite(docxBytes(), "word/document.xml", xml -> {
      String s = new String(xml, StandardCharsets.UTF_8);
      int decl = s.indexOf("?>") + 2;
      int text = s.indexOf("</w:t>");
      return (s.substring(0, decl) + laughsDoctype("w:document") + s.substring(decl, text) + "&lol9;" + s.substring(text))
          .getBytes(StandardCharsets.UTF_8);
    }));
  }

  /** An XHTML page with the billion-laughs entities in its DOCTYPE. */
  public static String entityExpansionXhtml() {
    return "<?xml version=\"1.0\"?>" + laughsDoctype("html") + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
        + "<title>Laughs</title></head><body><p>&lol9;</p></body></html>";
  }

  /** HTML with {@code depth} nested {@code <div>}s around one sentence. */
  public static String deepHtml(int depth) {
    return "<html><body>" + "<div>".repeat(depth) + "Deep text at the bottom of the nesting." + "</div>".repeat(depth)
        + "</body></html>";
  }

  /** An image-only PDF on a 200 × 200 inch page (PDF's maximum), the image stretched over it. */
  public static Path hugePageScan(Path file) {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage(new PDRectangle(14_400, 14_400));
      doc.addPage(page);
      var image = new java.awt.image.BufferedImage(2000, 2000, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
      PDImageXObject x = LosslessFactory.createFromImage(doc, image);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.drawImage(x, 0, 0, 14_400, 14_400);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return write(file, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String laughsDoctype(String root) {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE " + root + " [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    return dtd.append("]>").toString();
  }

  private static byte[] docxBytes() {
    try {
      Path tmp = Files.createTempFile("egretta-hostile", ".docx");
      try {
        TestDocuments.docx(tmp, Map.of("Hostile", "This paragraph hides a hostile part."));
        return Files.readAllBytes(tmp);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] join(String head, String block, int times, String tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    byte[] b = block.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < times; i++) {
      out.writeBytes(b);
    }
    out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private interface Rewrite {
    byte[] apply(byte[] content);
  }

  /** The zip with one entry's content replaced, every other entry copied. */
  private static byte[] rewrite(byte[] zip, String entry, Rewrite change) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        z.putNextEntry(new ZipEntry(e.getName()));
        z.write(e.getName().equals(entry) ? change.apply(content) : content);
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Path write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write hostile document " + file, e);
    }
  }
}
