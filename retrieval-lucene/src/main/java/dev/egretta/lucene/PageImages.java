package dev.egretta.lucene;

import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Whether a PDF page draws an image (directly or in a form XObject up to {@value #MAX_DEPTH} deep):
 * what a scanned page is made of. Broken or cyclic resources count as no image.
 */
final class PageImages {
  static final int MAX_DEPTH = 3;

  private PageImages() {}

  static boolean has(PDPage page) {
    try {
      return has(page.getResources(), 0);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return false;
    }
  }

  private static boolean has(PDResources resources, int depth) throws IOException {
    if (resources == null || depth > MAX_DEPTH) {
      return false;
    }
    for (COSName name : resources.getXObjectNames()) {
      if (resources.isImageXObject(name)) {
        return true;
      }
      PDXObject x = resources.getXObject(name);
      if (x instanceof PDFormXObject form && form.getResources() != resources && has(form.getResources(), depth + 1)) {
        return true;
      }
    }
    return false;
  }
}
