package dev.egretta.cli.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Typesets a {@link PolicyText} as a Letter-size PDF with PDFBox: a running header, the title on the
 * first page, wrapped paragraphs, and a "Page N of M" footer. The output is byte-for-byte
 * reproducible (fixed dates, no random document id), so rewriting an unchanged corpus changes nothing.
 */
final class PolicyPdf {
  private static final float MARGIN = 72;
  private static final float BODY_SIZE = 10.5f;
  private static final float LEADING = 14.5f;
  private static final PDRectangle PAGE = PDRectangle.LETTER;

  private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  /** One typeset line. */
  private record Line(PDFont font, float size, String text, float gapBefore) {}

  /** Renders the document and returns the PDF bytes. */
  byte[] render(PolicyText policy) throws IOException {
    try {
      return doRender(policy);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }

  private byte[] doRender(PolicyText policy) throws IOException, java.security.NoSuchAlgorithmException {
    List<List<Line>> pages = layout(policy);
    try (PDDocument doc = new PDDocument()) {
      for (int i = 0; i < pages.size(); i++) {
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          text(cs, regular, 8.5f, MARGIN, PAGE.getHeight() - 40, policy.organisation() + "  |  " + policy.title());
          float y = PAGE.getHeight() - MARGIN;
          for (Line line : pages.get(i)) {
            y -= line.gapBefore() + LEADING * line.size() / BODY_SIZE;
            text(cs, line.font(), line.size(), MARGIN, y, line.text());
          }
          String footer = policy.edition() + "  |  Page " + (i + 1) + " of " + pages.size();
          text(cs, regular, 8.5f, MARGIN, 40, footer);
        }
      }
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(policy.title());
      info.setAuthor(policy.organisation());
      info.setSubject(policy.edition());
      info.setCreator("Egretta demo");
      Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      fixed.clear();
      fixed.set(2026, Calendar.JANUARY, 1);
      info.setCreationDate(fixed);
      info.setModificationDate(fixed);
      // PDFBox would otherwise derive the trailer /ID from the clock; a content hash keeps it stable.
      byte[] id = java.security.MessageDigest.getInstance("MD5")
          .digest((policy.title() + '|' + policy.edition() + '|' + policy.pages()).getBytes(
              java.nio.charset.StandardCharsets.UTF_8));
      COSArray ids = new COSArray();
      ids.add(new COSString(id));
      ids.add(new COSString(id));
      doc.getDocument().getTrailer().setItem(COSName.ID, ids);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private List<List<Line>> layout(PolicyText policy) throws IOException {
    float width = PAGE.getWidth() - 2 * MARGIN;
    float bottom = MARGIN;
    List<List<Line>> pages = new ArrayList<>();
    boolean first = true;
    for (List<PolicyText.Block> sourcePage : policy.pages()) {
      List<Line> page = new ArrayList<>();
      pages.add(page);
      float y = PAGE.getHeight() - MARGIN;
      if (first) {
        page.add(new Line(bold, 18, policy.title(), 0));
        page.add(new Line(regular, 9.5f, policy.edition(), 4));
        y -= LEADING * 18 / BODY_SIZE + LEADING + 4;
        first = false;
      }
      for (PolicyText.Block block : sourcePage) {
        PDFont font = block.heading() ? bold : regular;
        float size = block.heading() ? 12 : BODY_SIZE;
        float gap = block.heading() ? 12 : 6;
        for (String text : wrap(block.text(), font, size, width)) {
          float height = gap + LEADING * size / BODY_SIZE;
          if (y - height < bottom) {
            page = new ArrayList<>();
            pages.add(page);
            y = PAGE.getHeight() - MARGIN;
            gap = 0;
            height = LEADING * size / BODY_SIZE;
          }
          page.add(new Line(font, size, text, gap));
          y -= height;
          gap = 0;
        }
      }
    }
    return pages;
  }

  private static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(candidate);
      }
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s)
      throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(s);
    cs.endText();
  }
}
