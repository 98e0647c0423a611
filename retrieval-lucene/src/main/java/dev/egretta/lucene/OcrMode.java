package dev.egretta.lucene;

import java.util.Locale;

/** When ingestion reads PDF pages with OCR (Tesseract) instead of their text layer. */
public enum OcrMode {
  /** Only pages without a usable text layer (scanned pages, image-only PDFs). The default. */
  AUTO,
  /** Never: pages without text stay empty, a PDF without any is rejected. */
  OFF,
  /** Every page of every PDF; a page where OCR finds nothing keeps its text layer. */
  FORCE;

  /** The rejection reason of a scanned document where tesseract is not installed. */
  public static final String UNAVAILABLE = "scanned; OCR unavailable (install tesseract-ocr)";

  /** {@code auto}, {@code off} or {@code force}, in any case. */
  public static OcrMode parse(String value) {
    if (value != null) {
      for (OcrMode m : values()) {
        if (m.name().equalsIgnoreCase(value.strip())) {
          return m;
        }
      }
    }
    throw new IllegalArgumentException("OCR mode must be auto, off or force; got: " + value);
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
