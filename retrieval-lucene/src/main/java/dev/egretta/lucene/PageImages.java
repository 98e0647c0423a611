package dev.egretta.lucene;

import java.io.IOException;
import java.util.function.Predicate;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Whether a PDF page draws an image (directly or in a form XObject up to {@value #MAX_DEPTH} deep):
 * what a scanned page is made of; and whether one of them is JBIG2-compressed (read by looking at the
 * image's filter, never by decoding it). Broken or cyclic resources count as no image.
 */
final class PageImages {
  static final int MAX_DEPTH = 3;

  private PageImages() {}

  static boolean has(PDPage page) {
    return any(page, image -> true);
  }

  /** Whether the page draws an image whose stream has the {@code JBIG2Decode} filter. */
  static boolean jbig2(PDPage page) {
    return any(page, PageImages::isJbig2);
  }

  private static boolean any(PDPage page, Predicate<COSStream> image) {
    try {
      return any(page.getResources(), 0, image);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return false;
    }
  }

  private static boolean any(PDResources resources, int depth, Predicate<COSStream> image) throws IOException {
    if (resources == null || depth > MAX_DEPTH) {
      return false;
    }
    COSDictionary xobjects = resources.getCOSObject().getCOSDictionary(COSName.XOBJECT);
    for (COSName name : resources.getXObjectNames()) {
      if (resources.isImageXObject(name)) {
        if (xobjects != null && xobjects.getDictionaryObject(name) instanceof COSStream stream && image.test(stream)) {
          return true;
        }
        continue;
      }
      PDXObject x = resources.getXObject(name);
      if (x instanceof PDFormXObject form && form.getResources() != resources && any(form.getResources(), depth + 1, image)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isJbig2(COSStream image) {
    COSBase filter = image.getDictionaryObject(COSName.FILTER, COSName.F);
    if (filter instanceof COSArray filters) {
      for (int i = 0; i < filters.size(); i++) {
        if (COSName.JBIG2_DECODE.equals(filters.getObject(i))) {
          return true;
        }
      }
      return false;
    }
    return COSName.JBIG2_DECODE.equals(filter);
  }
}
