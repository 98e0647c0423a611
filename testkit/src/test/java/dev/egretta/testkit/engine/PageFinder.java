package dev.egretta.testkit.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Finds the physical page of a PDF on which a phrase occurs (whitespace and case insensitive). */
final class PageFinder {

  private final Map<String, List<String>> pagesByFile = new HashMap<>();

  PageFinder(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".pdf")).toList()) {
        pagesByFile.put(f.getFileName().toString(), pages(f));
      }
    }
  }

  static List<String> pages(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      java.util.ArrayList<String> out = new java.util.ArrayList<>();
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        out.add(normalise(stripper.getText(doc)));
      }
      return out;
    }
  }

  int pageOf(String filename, String needle) {
    List<String> pages = pagesByFile.get(filename);
    if (pages == null) {
      throw new IllegalArgumentException("no PDF named " + filename);
    }
    String n = normalise(needle);
    for (int i = 0; i < pages.size(); i++) {
      if (pages.get(i).contains(n)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("'" + needle + "' is on no page of " + filename);
  }

  static String normalise(String s) {
    return s.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
