package dev.egretta.bench.tools;

import dev.egretta.lucene.BenchmarkHooks;
import dev.egretta.lucene.OcrMode;
import dev.egretta.testsupport.TestDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code OcrBench <folder of PDFs> [rounds]}: (1) the text-PDF path with OCR {@code auto} (the
 * default, which only checks each page for a usable text layer) against {@code off} (the path before
 * OCR existed: the same extraction without the check), alternating, median of {@code rounds} passes
 * over every PDF; (2) OCR pages per second: image-only copies of the folder's first PDFs (rendered
 * at 200 dpi) read with OCR on 2 parser threads, as ingestion runs them.
 */
public final class OcrBench {
  private OcrBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: OcrBench <folder of PDFs> [rounds]");
      System.exit(2);
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<byte[]> pdfs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList()) {
        pdfs.add(Files.readAllBytes(f));
      }
    }
    passes(pdfs, OcrMode.OFF); // warm-up: JIT-compile Tika and PDFBox before timing
    passes(pdfs, OcrMode.AUTO);
    double[] off = new double[rounds];
    double[] auto = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      off[r] = passes(pdfs, OcrMode.OFF);
      auto[r] = passes(pdfs, OcrMode.AUTO);
    }
    double mOff = median(off);
    double mAuto = median(auto);
    System.out.printf(Locale.ROOT, "text PDFs (%d files), %d rounds: ocr=off median %.3f s, ocr=auto median %.3f s, ratio %.3f%n",
        pdfs.size(), rounds, mOff, mAuto, mAuto / mOff);
    if (!BenchmarkHooks.ocrAvailable()) {
      System.out.println("OCR: tesseract not installed; no OCR figure");
      return;
    }
    List<byte[]> scans = new ArrayList<>();
    int pages = 0;
    for (byte[] pdf : pdfs) {
      if (pages >= 24) {
        break;
      }
      byte[] scan = TestDocuments.scannedPdf(pdf);
      scans.add(scan);
      pages += BenchmarkHooks.extractPages(pdf).size();
    }
    ExecutorService threads = Executors.newFixedThreadPool(2);
    long start = System.nanoTime();
    List<Future<Integer>> read = new ArrayList<>();
    for (byte[] scan : scans) {
      read.add(threads.submit(() -> (int) BenchmarkHooks.extractPages(scan, OcrMode.AUTO).stream()
          .filter(p -> !p.isBlank()).count()));
    }
    int withText = 0;
    for (Future<Integer> f : read) {
      withText += f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    threads.shutdown();
    System.out.printf(Locale.ROOT, "OCR: %d scanned pages (%d with text after OCR) in %.1f s on 2 threads = %.2f pages/s%n",
        pages, withText, seconds, pages / seconds);
  }

  private static double passes(List<byte[]> pdfs, OcrMode mode) throws IOException {
    long start = System.nanoTime();
    for (byte[] pdf : pdfs) {
      BenchmarkHooks.extractPages(pdf, mode);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
