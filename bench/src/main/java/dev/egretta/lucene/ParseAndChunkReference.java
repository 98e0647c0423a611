package dev.egretta.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The non-embedding part of Egretta's ingestion, timed alone on one thread: PDF text extraction (Egretta's
 * Tika-based extractor) and chunking (after header and footer removal, as ingestion does) with the bge
 * tokenizer as token counter, for every PDF of a folder.
 * Tells how much of the ingestion time is not the model (the bench's profile of the ingestion ratio).
 */
public final class ParseAndChunkReference {
  private ParseAndChunkReference() {}

  public static Map<String, Object> run(Path folder) throws Exception {
    List<Path> pdfs;
    try (Stream<Path> walk = Files.walk(folder)) {
      pdfs = walk.filter(p -> p.toString().toLowerCase().endsWith(".pdf")).sorted().toList();
    }
    LuceneConfig defaults = LuceneConfig.defaults();
    long t0 = System.nanoTime();
    TokenCounter tokens = OnnxBgeEmbedder.shared().tokenCounter();
    Chunker chunker = new Chunker(tokens, defaults.chunkTokens(), defaults.chunkOverlapTokens());
    long t1 = System.nanoTime();
    long parse = 0;
    long chunk = 0;
    int pages = 0;
    int chunks = 0;
    try (PdfTextExtractor extractor = new PdfTextExtractor(defaults.parseTimeLimit(), defaults.maxCharactersPerDocument())) {
      for (Path pdf : pdfs) {
        long a = System.nanoTime();
        ExtractedText text = extract(extractor, pdf);
        long b = System.nanoTime();
        chunks += chunker.chunk(BoilerplateRemover.clean(text.pages())).size();
        long c = System.nanoTime();
        parse += b - a;
        chunk += c - b;
        pages += text.pageCount();
      }
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

  private static ExtractedText extract(PdfTextExtractor extractor, Path pdf) throws IOException {
    try {
      return extractor.extract(Files.readAllBytes(pdf));
    } catch (RejectedException e) {
      throw new IOException(pdf + " rejected: " + e.getMessage(), e);
    }
  }
}
