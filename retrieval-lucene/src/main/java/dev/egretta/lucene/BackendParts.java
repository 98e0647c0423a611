package dev.egretta.lucene;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The parts of this module that another index backend (an Elasticsearch cluster, say) shares with the
 * Lucene one so that both rank alike: parsing and chunking, the embedding model, the BM25 analyzer and
 * the fusion of the lexical and vector lists, all configured by one {@link LuceneConfig}. Thread-safe,
 * except for each {@link DocumentParser}. Close it to stop the text extractor's threads.
 */
public final class BackendParts implements AutoCloseable {
  private final LuceneConfig config;
  private final Embedder embedder;
  private final EnglishAnalyzer analyzer = new EnglishAnalyzer();
  private final TextExtractor extractor;
  private final Chunker chunker;

  private BackendParts(LuceneConfig config) {
    this.config = config;
    this.embedder = QueryCachingEmbedder.of(config);
    this.extractor = new TextExtractor(config.parseTimeLimit(), config.maxCharactersPerDocument());
    this.chunker = new Chunker(embedder.tokenCounter(), config.chunkTokens(), config.chunkOverlapTokens());
    embedder.awaitReady();
  }

  /** The parts as {@code config} sets them (embedding model, chunk sizes, parse limits, fusion, calibration). */
  public static BackendParts create(LuceneConfig config) {
    return new BackendParts(Objects.requireNonNull(config, "config"));
  }

  public LuceneConfig config() {
    return config;
  }

  /** Identifies the embedding model; an index built with one model must not be searched with another. */
  public String embeddingModelId() {
    return embedder.id();
  }

  public int dimension() {
    return embedder.dimension();
  }

  /** Unit vectors of passages, in order. */
  public List<float[]> embedPassages(List<String> texts) {
    return embedder.embedPassages(List.copyOf(texts));
  }

  /** The unit vector of a query, with the model's query instruction if it has one (the last 256 are cached). */
  public float[] embedQuery(String query) {
    return embedder.embedQuery(Objects.requireNonNull(query, "query"));
  }

  public int countTokens(String text) {
    return embedder.tokenCounter().count(Objects.requireNonNull(text, "text"));
  }

  /** BM25 term-frequency saturation k1 the Lucene searcher uses ({@link LuceneConfig#bm25K1()}), for a backend that sets its own BM25. */
  public double bm25K1() {
    return config.bm25K1();
  }

  /** BM25 length normalisation b of the Lucene index. */
  public double bm25B() {
    return config.bm25B();
  }

  /** A parser for one ingestion run; {@code plainText} for a {@link TextDocumentSource}; scanned pages OCR'd per {@code ocr}. */
  public DocumentParser parser(boolean plainText, OcrMode ocr) {
    return new DocumentParser(new ParseStage(extractor, chunker, plainText, Objects.requireNonNull(ocr, "ocr")));
  }

  /** The SHA-256 (hex) that identifies a document's content. */
  public static String sha256(byte[] bytes) {
    return IngestPlan.sha256(bytes);
  }

  /**
   * The BM25 terms of a passage's index text as the Lucene index analyses it (English: stop words
   * removed, stemmed), joined by spaces: a whitespace-analysed field holding this gives the same term
   * frequencies and lengths as the Lucene field.
   */
  public String indexTerms(String indexText) {
    return String.join(" ", QueryTerms.analyse(analyzer, indexText, Integer.MAX_VALUE));
  }

  /**
   * A question's BM25 terms ({@link QueryTerms}) and the pairs of adjacent terms its proximity clauses are
   * made of, from one analysis, as the Lucene searcher makes them.
   *
   * @param terms the terms, other spellings included
   * @param proximityPairs each two adjacent terms of the question's own, in order
   */
  public record QueryTermsAndPairs(List<String> terms, List<List<String>> proximityPairs) {
    /** The question analysed once: its own terms make the pairs, and with their other spellings the terms. */
    static QueryTermsAndPairs of(org.apache.lucene.analysis.Analyzer analyzer, String text) {
      List<String> primary = QueryTerms.primary(analyzer, text);
      return new QueryTermsAndPairs(QueryTerms.withOtherSpellings(analyzer, text, primary), QueryTerms.proximityPairs(primary));
    }
  }

  /** A question's BM25 terms and proximity pairs ({@link QueryTermsAndPairs}). */
  public QueryTermsAndPairs queryTermsWithPairs(String text) {
    return QueryTermsAndPairs.of(analyzer, text);
  }

  /** A hit of one list: its id and the engine's score. */
  public record Hit(String id, double score) {
    public Hit {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * A hit of the fused list.
   *
   * @param lexicalRank 1-based rank in the BM25 list, 0 when absent
   * @param denseRank 1-based rank in the vector list, 0 when absent
   */
  public record Fused(String id, double score, int lexicalRank, int denseRank) {}

  /**
   * Fuses the BM25 and vector lists (best first) with the Lucene searcher's own {@link Fusion} and
   * settings ({@link LuceneConfig#fusion()}, {@code rrfK}, {@code denseWeight}) and its tie rule (exact ties
   * end in id order; the ids are the chunk ids the Lucene searcher breaks ties with), so both backends rank alike.
   */
  public List<Fused> fuse(List<Hit> lexical, List<Hit> dense) {
    Map<String, Double> fused = config.fusion().fuse(ids(lexical), scores(lexical), ids(dense), scores(dense),
        config.rrfK(), config.denseWeight(), Comparator.naturalOrder());
    Map<String, Integer> lexicalRank = ranks(lexical);
    Map<String, Integer> denseRank = ranks(dense);
    return fused.entrySet().stream().map(e -> new Fused(e.getKey(), e.getValue(),
        lexicalRank.getOrDefault(e.getKey(), 0), denseRank.getOrDefault(e.getKey(), 0))).toList();
  }

  private static List<String> ids(List<Hit> hits) {
    return hits.stream().map(Hit::id).toList();
  }

  private static double[] scores(List<Hit> hits) {
    return hits.stream().mapToDouble(Hit::score).toArray();
  }

  private static Map<String, Integer> ranks(List<Hit> hits) {
    Map<String, Integer> ranks = new HashMap<>();
    for (int r = 0; r < hits.size(); r++) {
      ranks.putIfAbsent(hits.get(r).id(), r + 1);
    }
    return ranks;
  }

  @Override
  public void close() {
    try {
      extractor.close();
    } finally {
      analyzer.close();
    }
  }
}
