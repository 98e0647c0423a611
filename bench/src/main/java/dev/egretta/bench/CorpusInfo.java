package dev.egretta.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/** The size of a PDF folder (files, pages, bytes), counted once so that both sides are divided by the same pages. */
public record CorpusInfo(int files, int pages, long bytes) {

  public static CorpusInfo of(Path folder) throws IOException {
    List<Path> pdfs;
    try (Stream<Path> walk = Files.walk(folder)) {
      pdfs = walk.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".pdf")).sorted().toList();
    }
    int pages = 0;
    long bytes = 0;
    for (Path pdf : pdfs) {
      try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
        pages += doc.getNumberOfPages();
      }
      bytes += Files.size(pdf);
    }
    return new CorpusInfo(pdfs.size(), pages, bytes);
  }
}
