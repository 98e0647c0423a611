package dev.egretta.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures end-to-end ingestion of a PDF folder into a fresh index against the time the
 * embedding model alone needs for the same chunks, in the same run (same JVM, model loaded).
 * {@code IngestBench <folder> [--domain D --category C]} prints both times and their ratio.
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
    Path index = Files.createTempDirectory("egretta-ingest-bench");
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index)) {
      kb.embedder().embedPassages(List.of("warm up the embedding model once before timing"));
      IngestReport report = kb.ingest(source, IngestOptions.publicLibrary(), IngestListener.NONE);
      List<String> texts = kb.allIndexTexts();
      long t = System.nanoTime();
      kb.embedder().embedPassages(texts);
      double embedSeconds = (System.nanoTime() - t) / 1e9;
      System.out.printf("documents %d, pages %d, chunks %d%n", report.documentsIndexed(), report.pages(), report.chunks());
      System.out.printf("ingestion end to end: %.2f s; embedding the same %d chunks alone: %.2f s; ratio %.3f%n",
          report.seconds(), texts.size(), embedSeconds, report.seconds() / embedSeconds);
    } finally {
      try (Stream<Path> files = Files.walk(index)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
