package dev.egretta.testsupport;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Image-only PDFs whose page scans are JBIG2-compressed, as office scanners write them: each page of a
 * text PDF rendered black and white, coded with MMR (CCITT G4, by PDFBox's {@code CCITTFactory}) and
 * wrapped in a JBIG2 stream of two segments, page information and an immediate lossless generic region
 * with its MMR flag set (ITU T.88 7.4.8, 7.4.6), under the PDF filter {@code JBIG2Decode}.
 */
final class Jbig2Scans {
  private static final int PAGE_INFORMATION = 48;
  private static final int IMMEDIATE_LOSSLESS_GENERIC_REGION = 38;

  private Jbig2Scans() {}

  static byte[] of(byte[] textPdf) {
    try (PDDocument source = Loader.loadPDF(textPdf); PDDocument scan = new PDDocument()) {
      PDFRenderer renderer = new PDFRenderer(source);
      for (int i = 0; i < source.getNumberOfPages(); i++) {
        PDRectangle box = source.getPage(i).getMediaBox();
        BufferedImage image = renderer.renderImageWithDPI(i, TestDocuments.SCAN_DPI, ImageType.BINARY);
        PDPage page = new PDPage(box);
        scan.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(scan, page)) {
          content.drawImage(jbig2(scan, image), 0, 0, box.getWidth(), box.getHeight());
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      scan.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PDImageXObject jbig2(PDDocument doc, BufferedImage image) throws IOException {
    byte[] mmr;
    try (InputStream in = CCITTFactory.createFromImage(doc, image).getCOSObject().createRawInputStream()) {
      mmr = in.readAllBytes();
    }
    int w = image.getWidth();
    int h = image.getHeight();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    segment(out, 0, PAGE_INFORMATION, 19);
    out.writeInt(w);
    out.writeInt(h);
    out.writeInt(0); // resolution unknown
    out.writeInt(0);
    out.writeByte(0); // flags: default pixel white, OR
    out.writeShort(0); // no striping
    segment(out, 1, IMMEDIATE_LOSSLESS_GENERIC_REGION, 17 + 1 + mmr.length);
    out.writeInt(w); // region: the whole page
    out.writeInt(h);
    out.writeInt(0);
    out.writeInt(0);
    out.writeByte(0); // combination operator OR
    out.writeByte(1); // generic region flags: MMR
    out.write(mmr);
    out.flush();
    COSStream stream = doc.getDocument().createCOSStream();
    try (OutputStream raw = stream.createRawOutputStream()) {
      raw.write(bytes.toByteArray());
    }
    stream.setItem(COSName.TYPE, COSName.XOBJECT);
    stream.setItem(COSName.SUBTYPE, COSName.IMAGE);
    stream.setInt(COSName.WIDTH, w);
    stream.setInt(COSName.HEIGHT, h);
    stream.setInt(COSName.BITS_PER_COMPONENT, 1);
    stream.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
    stream.setItem(COSName.FILTER, COSName.JBIG2_DECODE);
    return new PDImageXObject(new PDStream(stream), null);
  }

  /** A segment header: number, type, no referred-to segments, page 1, data length. */
  private static void segment(DataOutputStream out, int number, int type, int length) throws IOException {
    out.writeInt(number);
    out.writeByte(type);
    out.writeByte(0);
    out.writeByte(1);
    out.writeInt(length);
  }
}
