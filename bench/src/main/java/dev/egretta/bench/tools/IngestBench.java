package dev.egretta.bench.tools;

import dev.egretta.lucene.BenchmarkHooks;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures end-to-end ingestion of a PDF folder into a fresh index against the time the
 * embedding model alone needs for the same chunks, in the same run (same JVM, model loaded).
 * {@code IngestBench <folder> [--domain D --category C]} prints both times, their ratio and the
 * process CPU time of each, twice: first in a cold JVM (Tika, PDFBox and Lucene still being
 * compiled by the JIT, as in a one-off CLI run), then again into another fresh index with the
 * JIT warm, which is what a large corpus or a long-running server sees after its first minute.
 */
public final class IngestBench {
  private IngestBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: IngestBench <folder> [--domain D --category C]");
      System.exit(2);
    }
    LocalFolderSource source = LocalFolderSource.of(Path.of(args[0]));
    if (args.length >= 5) {
      source = source.withDefaults(args[2], args[4]);
    }
    for (String pass : List.of("cold JVM", "warm JVM")) {
      Path index = Files.createTempDirectory("egretta-ingest-bench");
      try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index)) {
        BenchmarkHooks.embedPassagesWithBuiltInModel(List.of("warm up the embedding model once before timing"));
        long cpu0 = processCpuNanos();
        IngestReport report = kb.ingest(source, IngestOptions.publicLibrary(), IngestListener.NONE);
        double ingestCpu = (processCpuNanos() - cpu0) / 1e9;
        List<String> texts = BenchmarkHooks.indexTexts(kb);
        long cpu1 = processCpuNanos();
        long t = System.nanoTime();
        BenchmarkHooks.embedPassagesWithBuiltInModel(texts);
        double embedSeconds = (System.nanoTime() - t) / 1e9;
        double embedCpu = (processCpuNanos() - cpu1) / 1e9;
        System.out.printf("%s: documents %d, pages %d, chunks %d%n", pass, report.documentsIndexed(), report.pages(), report.chunks());
        System.out.printf("%s: ingestion end to end %.2f s; embedding the same %d chunks alone %.2f s; ratio %.3f%n",
            pass, report.seconds(), texts.size(), embedSeconds, report.seconds() / embedSeconds);
        System.out.printf("%s: process CPU: ingestion %.2f s (%.2f cores busy), embedding alone %.2f s (%.2f cores busy)%n",
            pass, ingestCpu, ingestCpu / report.seconds(), embedCpu, embedCpu / embedSeconds);
      } finally {
        try (Stream<Path> files = Files.walk(index)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /** CPU time of every thread of the process, the JIT compiler's included. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
