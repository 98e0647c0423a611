package dev.egretta.bench;

import dev.egretta.lucene.BenchmarkHooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The non-embedding part of Egretta's ingestion, timed alone on one thread: PDF text extraction (Egretta's
 * Tika-based extractor) and chunking (after header and footer removal, as ingestion does) with the bge
 * tokenizer as token counter, for every PDF of a folder, through {@link BenchmarkHooks}.
 * Tells how much of the ingestion time is not the model (the bench's profile of the ingestion ratio).
 */
final class ParseAndChunkReference {
  private ParseAndChunkReference() {}

  static Map<String, Object> run(Path folder) throws Exception {
    List<Path> pdfs;
    try (Stream<Path> walk = Files.walk(folder)) {
      pdfs = walk.filter(p -> p.toString().toLowerCase().endsWith(".pdf")).sorted().toList();
    }
    long t0 = System.nanoTime();
    Function<List<String>, List<?>> chunker = BenchmarkHooks.chunker(true);
    chunker.apply(List.of("Loads the tokenizer before the clock starts for chunking."));
    long t1 = System.nanoTime();
    long parse = 0;
    long chunk = 0;
    int pages = 0;
    int chunks = 0;
    for (Path pdf : pdfs) {
      long a = System.nanoTime();
      List<String> text = extract(pdf);
      long b = System.nanoTime();
      chunks += chunker.apply(BenchmarkHooks.removeBoilerplate(text)).size();
      long c = System.nanoTime();
      parse += b - a;
      chunk += c - b;
      pages += text.size();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("documents", pdfs.size());
    out.put("pages", pages);
    out.put("chunks", chunks);
    out.put("modelAndTokenizerLoadSeconds", (t1 - t0) / 1e9);
    out.put("parseSeconds", parse / 1e9);
    out.put("chunkSeconds", chunk / 1e9);
    return out;
  }

  private static List<String> extract(Path pdf) throws IOException {
    try {
      return BenchmarkHooks.extractPages(Files.readAllBytes(pdf));
    } catch (IOException e) {
      throw new IOException(pdf + ": " + e.getMessage(), e);
    }
  }
}
