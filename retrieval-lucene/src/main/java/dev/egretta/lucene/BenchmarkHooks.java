package dev.egretta.lucene;

import dev.egretta.core.spi.SearchScope;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.search.Query;

/**
 * The one window that Egretta's benchmarks (module {@code bench}) have on this module's internals: the
 * stages of ingestion and of query building timed alone, the built-in embedding model called directly,
 * and the texts a knowledge base embedded. Everything else the benchmarks measure goes through
 * {@link LuceneKnowledgeBase}.
 *
 * <p>Not part of the supported API: these methods follow the internals and may change in any release.
 * Applications use {@link LuceneKnowledgeBase}.
 */
public final class BenchmarkHooks {
  private BenchmarkHooks() {}

  /**
   * The pages of a PDF's text as ingestion extracts them, with the default parse time and size limits.
   *
   * @throws IOException naming the reason when ingestion would reject the file
   */
  public static List<String> extractPages(byte[] pdf) throws IOException {
    if (!DocumentFormat.hasPdfHeader(Objects.requireNonNull(pdf, "pdf"))) {
      throw new IOException("rejected: not a PDF (no %PDF- header in the first 1024 bytes)");
    }
    LuceneConfig defaults = LuceneConfig.defaults();
    try (TextExtractor extractor = new TextExtractor(defaults.parseTimeLimit(), defaults.maxCharactersPerDocument())) {
      return extractor.extract(Objects.requireNonNull(pdf, "pdf")).pages();
    } catch (RejectedException e) {
      throw new IOException("rejected: " + e.getMessage(), e);
    }
  }

  /**
   * The pages of any document ingestion reads (told by content), PDF pages without a usable text layer
   * read by OCR according to {@code ocr}, with the default parse limits and OCR's page time limit.
   *
   * @throws IOException naming the reason when ingestion would reject the file
   */
  public static List<String> extractPages(byte[] document, OcrMode ocr) throws IOException {
    LuceneConfig defaults = LuceneConfig.defaults();
    try (TextExtractor extractor = new TextExtractor(defaults.parseTimeLimit(), defaults.maxCharactersPerDocument());
        ScannedPages scanned = new ScannedPages(TesseractOcr.system(), ocr, ScannedPages.PAGE_TIME_LIMIT)) {
      List<String> pages = extractor.extract(Objects.requireNonNull(document, "document")).pages();
      return DocumentFormat.hasPdfHeader(document) ? scanned.fill(document, pages).pages() : pages;
    } catch (RejectedException e) {
      throw new IOException("rejected: " + e.getMessage(), e);
    }
  }

  /** Whether {@code tesseract} with English data is installed (what OCR needs). */
  public static boolean ocrAvailable() {
    return TesseractOcr.system().available();
  }

  /** The pages without their recurring headers, footers and page numbers, as ingestion chunks them. */
  public static List<String> removeBoilerplate(List<String> pages) {
    return BoilerplateRemover.clean(pages);
  }

  /**
   * Ingestion's chunker with the default chunk and overlap sizes, as a function from pages to chunks
   * (opaque values: benchmarks count them or hand them to a blackhole).
   *
   * @param bgeTokenizer count tokens with the built-in model's tokenizer (the default), or with the
   *     word-based estimate used for other embedding models
   */
  public static Function<List<String>, List<?>> chunker(boolean bgeTokenizer) {
    LuceneConfig defaults = LuceneConfig.defaults();
    TokenCounter tokens = bgeTokenizer ? OnnxBgeEmbedder.shared().tokenCounter() : TokenCounter.estimate();
    return new Chunker(tokens, defaults.chunkTokens(), defaults.chunkOverlapTokens())::chunk;
  }

  /** The analysed BM25 terms of a question, as a knowledge base builds its query from them. */
  public static Function<String, List<String>> queryAnalyzer() {
    return new HybridSearcher(new EnglishAnalyzer(), null, LuceneConfig.defaults())::terms;
  }

  /** The filter that both the BM25 and the kNN query of a search carry for {@code scope}. */
  public static Query scopeFilter(SearchScope scope) {
    return Fields.scopeFilter(Objects.requireNonNull(scope, "scope"));
  }

  /**
   * The built-in model's tokenizer as ingestion runs it: a passage's ids, [CLS] and [SEP] included, cut to
   * the model's 512. Read on its own: the model itself is not loaded (a reference that loads its own
   * session must not pay for a second one).
   */
  public static Function<String, long[]> builtInTokenizer() {
    WordPieceTokenizer tokenizer = OnnxBgeEmbedder.readTokenizer();
    return text -> tokenizer.encode(text, OnnxBgeEmbedder.MAX_TOKENS);
  }

  /** A question's vector from the built-in bge-small model, exactly as a default knowledge base embeds it. */
  public static float[] embedQueryWithBuiltInModel(String query) {
    return OnnxBgeEmbedder.shared().embedQuery(Objects.requireNonNull(query, "query"));
  }

  /** Passages' vectors from the built-in bge-small model, on the threads a default knowledge base uses. */
  public static List<float[]> embedPassagesWithBuiltInModel(List<String> texts) {
    return OnnxBgeEmbedder.shared().embedPassages(List.copyOf(texts));
  }

  /** The text of every chunk that {@code kb} embedded (heading + passage), in index order. */
  public static List<String> indexTexts(LuceneKnowledgeBase kb) {
    return Objects.requireNonNull(kb, "kb").allIndexTexts();
  }
}
