package dev.egretta.bench.tools;

import dev.egretta.core.spi.SourceDocument;
import dev.egretta.lucene.DocumentOutcome;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs every file of a hostile-PDF collection (with its {@code MANIFEST.tsv}: path, ..., category
 * in column 7) through full ingestion in one batch, and tallies the outcome per category:
 * indexed, indexed-truncated or rejected. {@code main} prints the table; run it as
 * {@code HostileSweep <hostile-pdfs dir> [index dir]}.
 */
public final class HostileSweep {
  /**
   * Outcome of one file; {@code seconds} is the time from reading it to having its chunks (parse +
   * chunk) — for the last file it also includes waiting for the final batch to be embedded.
   */
  public record FileOutcome(String path, String category, DocumentOutcome outcome, String detail, double seconds) {}

  /** Per-file outcomes in manifest order, the wall-clock seconds and the ingestion report. */
  public record Result(List<FileOutcome> files, IngestReport report, double seconds, int parsersStillRunning) {

    /** category -> outcome -> count. */
    public Map<String, Map<DocumentOutcome, Integer>> byCategory() {
      Map<String, Map<DocumentOutcome, Integer>> table = new TreeMap<>();
      for (FileOutcome f : files) {
        table.computeIfAbsent(f.category(), c -> new TreeMap<>()).merge(f.outcome(), 1, Integer::sum);
      }
      return table;
    }

    public void print(PrintStream out) {
      out.printf("%-16s %8s %10s %9s %6s%n", "category", "indexed", "truncated", "rejected", "total");
      for (var row : byCategory().entrySet()) {
        Map<DocumentOutcome, Integer> c = row.getValue();
        int total = c.values().stream().mapToInt(Integer::intValue).sum();
        out.printf("%-16s %8d %10d %9d %6d%n", row.getKey(), c.getOrDefault(DocumentOutcome.INDEXED, 0),
            c.getOrDefault(DocumentOutcome.INDEXED_TRUNCATED, 0), c.getOrDefault(DocumentOutcome.REJECTED, 0), total);
      }
      out.printf("%d files in %.1f s; %d chunks; %d parser threads still running after close%n",
          files.size(), seconds, report.chunks(), parsersStillRunning);
    }
  }

  private HostileSweep() {}

  /** Ingests the whole collection into {@code indexDir} and classifies every file. */
  public static Result run(Path hostileDir, Path indexDir, EmbeddingModel model, Duration parseTimeLimit) throws IOException {
    Map<String, String> categories = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(hostileDir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      if (f.length > 6) {
        categories.put(hostileDir.resolve(f[0]).toRealPath().toUri().toString(), f[6]);
      }
    }
    LuceneConfig.Builder config = LuceneConfig.builder().parseTimeLimit(parseTimeLimit);
    if (model != null) {
      config.embeddingModel(model);
    }
    Map<String, FileOutcome> outcomes = new LinkedHashMap<>();
    Map<String, Double> prepareSeconds = new LinkedHashMap<>();
    String[] current = {null};
    long[] since = {0};
    long start = System.nanoTime();
    IngestReport report;
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(indexDir, config.build())) {
      report = kb.ingest(LocalFolderSource.of(hostileDir).withDefaults("hostile", "all"), IngestOptions.publicLibrary().withSync(),
          new IngestListener() {
            private void lap() {
              if (current[0] != null) {
                prepareSeconds.putIfAbsent(current[0], (System.nanoTime() - since[0]) / 1e9);
              }
            }

            @Override
            public void documentStarted(SourceDocument d) {
              lap();
              current[0] = d.uri();
              since[0] = System.nanoTime();
            }

            @Override
            public void documentFinished(SourceDocument d, DocumentOutcome o, String detail) {
              lap();
              current[0] = null;
              String category = categories.getOrDefault(d.uri(), "unlisted");
              outcomes.put(d.uri(), new FileOutcome(d.uri(), category, o, detail, prepareSeconds.getOrDefault(d.uri(), 0.0)));
            }
          });
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int running = 0;
    for (int attempt = 0; attempt < 20; attempt++) {
      running = (int) Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().equals("egretta-pdf-parse") && t.isAlive()).count();
      if (running == 0) {
        break;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return new Result(List.copyOf(outcomes.values()), report, seconds, running);
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: HostileSweep <hostile-pdfs dir> [index dir]");
      System.exit(2);
    }
    Path index = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("egretta-hostile");
    Result result;
    try {
      result = run(Path.of(args[0]), index, null, Duration.ofSeconds(30));
    } finally {
      if (args.length <= 1) {
        try (var files = Files.walk(index)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
    for (FileOutcome f : result.files()) {
      System.out.printf("%-14s %-18s %6.2fs %s %s%n", f.category(), f.outcome(), f.seconds(),
          f.path().substring(f.path().lastIndexOf("hostile-pdfs/") + 13), f.detail());
    }
    result.print(System.out);
  }
}
