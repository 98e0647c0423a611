package dev.egretta.bench.formats;

import dev.egretta.lucene.BenchmarkHooks;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * One side of {@link PdfPathBench}, run in a child JVM whose class path puts this package in front of
 * one engine build (the one before the formats work, or the current one). It uses only API that both
 * builds have ({@code BenchmarkHooks.extractPages(byte[])}, {@code LuceneKnowledgeBase.ingest}), so the
 * same code times both. {@code PdfPathChild <folder> <passes>}: after one warm-up pass, each pass (a)
 * extracts every PDF's pages as ingestion does and (b) ingests the folder into a fresh index with a
 * seeded-random embedding model (microseconds per chunk; the pre-formats build has no test-support jar), so that parsing, OCR checks, chunking and index
 * writing, the parts the formats work touched, are what is timed. Prints one line of seconds per pass.
 */
public final class PdfPathChild {
  private PdfPathChild() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]);
    int passes = Integer.parseInt(args[1]);
    List<byte[]> pdfs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList()) {
        pdfs.add(Files.readAllBytes(f));
      }
    }
    LuceneConfig config = LuceneConfig.builder().embeddingModel(new SeededVectors()).build();
    StringBuilder extract = new StringBuilder();
    StringBuilder ingest = new StringBuilder();
    long chunks = 0;
    for (int pass = 0; pass <= passes; pass++) {
      long t = System.nanoTime();
      for (byte[] pdf : pdfs) {
        BenchmarkHooks.extractPages(pdf);
      }
      double extractSeconds = (System.nanoTime() - t) / 1e9;
      Path index = Files.createTempDirectory("egretta-pdf-path-bench");
      try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index, config)) {
        IngestReport report = kb.ingest(LocalFolderSource.of(folder), IngestOptions.publicLibrary(), IngestListener.NONE);
        if (!report.rejected().isEmpty()) {
          throw new IllegalStateException("rejected: " + report.rejected());
        }
        chunks = report.chunks();
        if (pass > 0) { // pass 0 warms the JIT up
          extract.append(String.format(Locale.ROOT, " %.4f", extractSeconds));
          ingest.append(String.format(Locale.ROOT, " %.4f", report.seconds()));
        }
      } finally {
        try (Stream<Path> files = Files.walk(index)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
    System.out.println("pdfs " + pdfs.size() + " chunks " + chunks);
    System.out.println("extract" + extract);
    System.out.println("ingest" + ingest);
  }

  /** A unit vector per text, seeded by its hash: stands in for a real model at no cost. */
  private static final class SeededVectors implements EmbeddingModel {
    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      List<Embedding> out = new ArrayList<>(segments.size());
      for (TextSegment s : segments) {
        SplittableRandom random = new SplittableRandom(s.text().hashCode());
        float[] v = new float[64];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) random.nextGaussian();
          norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
          v[i] /= (float) Math.sqrt(norm);
        }
        out.add(Embedding.from(v));
      }
      return Response.from(out);
    }

    @Override
    public int dimension() {
      return 64;
    }

    @Override
    public String modelName() {
      return "seeded-vectors-64";
    }
  }
}
