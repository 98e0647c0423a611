package dev.egretta.lucene;

import dev.egretta.core.pipeline.FittedRelevance;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link LuceneKnowledgeBase}; immutable, built with {@link #builder()} which
 * checks every value and names the bad one.
 */
public final class LuceneConfig {
  private final Optional<EmbeddingModel> embeddingModel;
  private final String queryPrefix;
  private final ScoreCalibration calibration;
  private final Fusion fusion;
  private final int rrfK;
  private final double denseWeight;
  private final double bm25K1;
  private final double bm25B;
  private final double bm25Proximity;
  private final int bm25ProximitySlop;
  private final boolean int8Quantization;
  private final int chunkTokens;
  private final int chunkOverlapTokens;
  private final Duration parseTimeLimit;
  private final long maxCharactersPerDocument;
  private final long maxFileBytes;
  private final int searchDepth;
  private final int queryCacheSize;
  private final int batchChunks;
  private final Duration commitInterval;

  /** The k of plain reciprocal rank fusion (Cormack et al. 2009), used with a custom embedding model. */
  public static final int PLAIN_RRF_K = 60;

  private LuceneConfig(Builder b) {
    this.embeddingModel = Optional.ofNullable(b.embeddingModel);
    this.queryPrefix = b.queryPrefix;
    this.calibration = b.calibration;
    // The fitted fusion weighs the built-in model's score distribution against BM25's; another model's
    // scores are spread otherwise, so it gets plain RRF (ranks only, nothing fitted) unless told.
    boolean fitted = b.embeddingModel == null || b.fusionChosen;
    this.fusion = fitted ? b.fusion : Fusion.RRF;
    this.rrfK = fitted ? b.rrfK : PLAIN_RRF_K;
    this.denseWeight = fitted ? b.denseWeight : 0.5;
    this.bm25K1 = b.bm25K1;
    this.bm25B = b.bm25B;
    this.bm25Proximity = b.bm25Proximity;
    this.bm25ProximitySlop = b.bm25ProximitySlop;
    this.int8Quantization = b.int8Quantization;
    this.chunkTokens = b.chunkTokens;
    this.chunkOverlapTokens = b.chunkOverlapTokens;
    this.parseTimeLimit = b.parseTimeLimit;
    this.maxCharactersPerDocument = b.maxCharactersPerDocument;
    this.maxFileBytes = b.maxFileBytes;
    this.searchDepth = b.searchDepth;
    this.queryCacheSize = b.queryCacheSize;
    this.batchChunks = b.batchChunks;
    this.commitInterval = b.commitInterval;
  }

  /**
   * The defaults: bge-small-en-v1.5 in process, float vectors, 256-token chunks; BM25's k1 and b and
   * the fusion fitted on training data ({@link FittedRelevance}, core's {@code relevance.json}).
   */
  public static LuceneConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The embedding model; empty = the built-in bge-small-en-v1.5 (quantized) on ONNX Runtime. */
  public Optional<EmbeddingModel> embeddingModel() {
    return embeddingModel;
  }

  public String queryPrefix() {
    return queryPrefix;
  }

  public ScoreCalibration calibration() {
    return calibration;
  }

  public Fusion fusion() {
    return fusion;
  }

  public int rrfK() {
    return rrfK;
  }

  public double denseWeight() {
    return denseWeight;
  }

  /** BM25 term-frequency saturation k1. */
  public double bm25K1() {
    return bm25K1;
  }

  /** BM25 length normalisation b. */
  public double bm25B() {
    return bm25B;
  }

  /**
   * The weight of BM25's proximity clauses: one per two adjacent terms of the question, scoring a passage
   * where both occur within {@link #bm25ProximitySlop} positions of each other in either order
   * (as the sequential dependence model does); 0 = bag of words only.
   */
  public double bm25Proximity() {
    return bm25Proximity;
  }

  /**
   * How near two question terms must stand for a proximity clause: {@code PhraseQuery}'s slop, the words
   * between them (the stop words the analyser drops keep their positions), a swap costing 2.
   */
  public int bm25ProximitySlop() {
    return bm25ProximitySlop;
  }

  public boolean int8Quantization() {
    return int8Quantization;
  }

  public int chunkTokens() {
    return chunkTokens;
  }

  public int chunkOverlapTokens() {
    return chunkOverlapTokens;
  }

  public Duration parseTimeLimit() {
    return parseTimeLimit;
  }

  public long maxCharactersPerDocument() {
    return maxCharactersPerDocument;
  }

  public long maxFileBytes() {
    return maxFileBytes;
  }

  public int searchDepth() {
    return searchDepth;
  }

  public int queryCacheSize() {
    return queryCacheSize;
  }

  public int batchChunks() {
    return batchChunks;
  }

  public Duration commitInterval() {
    return commitInterval;
  }

  /** Validating builder; every setter rejects a bad value at once with a message naming it. */
  public static final class Builder {
    private EmbeddingModel embeddingModel;
    private String queryPrefix = "";
    private ScoreCalibration calibration = ScoreCalibration.BGE_SMALL_EN_V15;
    private Fusion fusion = Fusion.parse(FittedRelevance.defaults().fusion());
    private int rrfK = FittedRelevance.defaults().rrfK();
    private boolean fusionChosen;
    private double denseWeight = FittedRelevance.defaults().denseWeight();
    private double bm25K1 = FittedRelevance.defaults().bm25K1();
    private double bm25B = FittedRelevance.defaults().bm25B();
    private double bm25Proximity = FittedRelevance.defaults().bm25Proximity();
    private int bm25ProximitySlop = FittedRelevance.defaults().bm25ProximitySlop();
    private boolean int8Quantization;
    private int chunkTokens = 256;
    private int chunkOverlapTokens = 32;
    private Duration parseTimeLimit = Duration.ofSeconds(60);
    private long maxCharactersPerDocument = 20_000_000;
    private long maxFileBytes = 512L << 20;
    private int searchDepth = 100;
    private int queryCacheSize = QueryCachingEmbedder.DEFAULT_CAPACITY;
    private int batchChunks = 512;
    private Duration commitInterval = Duration.ofSeconds(5);

    private Builder() {}

    /**
     * Any LangChain4j embedding model instead of the built-in one. Its vectors are normalised;
     * set {@link #queryPrefix} if the model wants an instruction on queries and a
     * {@link #calibration} fitted for it. The fusion fitted for the built-in model does not carry
     * over: unless {@link #fusion}, {@link #rrfK} or {@link #denseWeight} is set, such a model's list
     * is fused by plain RRF (k {@value LuceneConfig#PLAIN_RRF_K}, equal weights).
     */
    public Builder embeddingModel(EmbeddingModel model) {
      this.embeddingModel = Objects.requireNonNull(model, "embeddingModel");
      return this;
    }

    /** Text put before every query for a custom embedding model (the built-in bge has its own). */
    public Builder queryPrefix(String prefix) {
      this.queryPrefix = Objects.requireNonNull(prefix, "queryPrefix");
      return this;
    }

    public Builder calibration(ScoreCalibration calibration) {
      this.calibration = Objects.requireNonNull(calibration, "calibration");
      return this;
    }

    public Builder fusion(Fusion fusion) {
      this.fusion = Objects.requireNonNull(fusion, "fusion");
      this.fusionChosen = true;
      return this;
    }

    /** The k of reciprocal rank fusion, 1..1000 (default: the fitted value). */
    public Builder rrfK(int k) {
      this.rrfK = check(k, 1, 1000, "rrfK");
      this.fusionChosen = true;
      return this;
    }

    /** The weight of the vector list in the fusion (either kind), 0..1 (default: the fitted value). */
    public Builder denseWeight(double weight) {
      if (!(weight >= 0 && weight <= 1)) {
        throw new IllegalArgumentException("denseWeight must be in [0, 1]; got " + weight);
      }
      this.denseWeight = weight;
      this.fusionChosen = true;
      return this;
    }

    /** BM25's k1 and b, k1 in (0, 10], b in [0, 1] (default: the fitted values); a search-time setting. */
    public Builder bm25(double k1, double b) {
      if (!(k1 > 0 && k1 <= 10)) {
        throw new IllegalArgumentException("bm25 k1 must be in (0, 10]; got " + k1);
      }
      if (!(b >= 0 && b <= 1)) {
        throw new IllegalArgumentException("bm25 b must be in [0, 1]; got " + b);
      }
      this.bm25K1 = k1;
      this.bm25B = b;
      return this;
    }

    /** The weight of BM25's proximity clauses ({@link LuceneConfig#bm25Proximity}), 0..10 (default: the fitted value). */
    public Builder bm25Proximity(double weight) {
      if (!(weight >= 0 && weight <= 10)) {
        throw new IllegalArgumentException("bm25Proximity must be in [0, 10]; got " + weight);
      }
      this.bm25Proximity = weight;
      return this;
    }

    /** The proximity clauses' slop ({@link LuceneConfig#bm25ProximitySlop}), 0..16 (default: the fitted value). */
    public Builder bm25ProximitySlop(int slop) {
      this.bm25ProximitySlop = check(slop, 0, FittedRelevance.MAX_PROXIMITY_SLOP, "bm25ProximitySlop");
      return this;
    }

    /** Store vectors int8 scalar-quantized in the HNSW graph (smaller, slightly less exact). */
    public Builder int8Quantization(boolean on) {
      this.int8Quantization = on;
      return this;
    }

    /** Target chunk length in the embedding model's tokens, 64..480 (default 256). */
    public Builder chunkTokens(int tokens) {
      this.chunkTokens = check(tokens, 64, 480, "chunkTokens");
      return this;
    }

    /** Overlap between consecutive chunks in tokens, whole sentences, 0..chunkTokens/2 (default 32). */
    public Builder chunkOverlapTokens(int tokens) {
      this.chunkOverlapTokens = check(tokens, 0, 240, "chunkOverlapTokens");
      return this;
    }

    /** Time limit of one PDF parse, 1 s..1 h (default 60 s). */
    public Builder parseTimeLimit(Duration limit) {
      this.parseTimeLimit = check(limit, Duration.ofSeconds(1), Duration.ofHours(1), "1 s and 1 h", "parseTimeLimit");
      return this;
    }

    /** Characters of text kept per document; beyond it the document is indexed truncated. */
    public Builder maxCharactersPerDocument(long chars) {
      if (chars < 1000) {
        throw new IllegalArgumentException("maxCharactersPerDocument must be >= 1000; got " + chars);
      }
      this.maxCharactersPerDocument = chars;
      return this;
    }

    /** Larger files are rejected without being read (default 512 MiB). */
    public Builder maxFileBytes(long bytes) {
      if (bytes < 1 || bytes > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("maxFileBytes must be in 1.." + (Integer.MAX_VALUE - 16) + "; got " + bytes);
      }
      this.maxFileBytes = bytes;
      return this;
    }

    /** Candidates taken from each of BM25 and kNN before fusion, 10..2000 (default 100). */
    public Builder searchDepth(int depth) {
      this.searchDepth = check(depth, 10, 2000, "searchDepth");
      return this;
    }

    /**
     * Query vectors remembered, 0..100000 (default {@value QueryCachingEmbedder#DEFAULT_CAPACITY}): a
     * repeated question (and the engine's second use of each question, to rank evidence sentences)
     * then costs no model call. 0 embeds every query afresh, as benchmarks of the model's cost need.
     */
    public Builder queryCacheSize(int size) {
      this.queryCacheSize = check(size, 0, 100_000, "queryCacheSize");
      return this;
    }

    /**
     * Chunks written between two commits during ingestion, 16..100000 (default 512): a crash loses
     * at most this much work. Embedding does not wait for a batch; it starts with the first document.
     */
    public Builder batchChunks(int chunks) {
      this.batchChunks = check(chunks, 16, 100_000, "batchChunks");
      return this;
    }

    /**
     * Longest time between two commits during ingestion, 10 ms..24 h (default 5 s), whichever of this
     * and {@link #batchChunks} comes first: a crash loses at most about this much written work even
     * when the documents are few or slow to read.
     */
    public Builder commitInterval(Duration interval) {
      this.commitInterval = check(interval, Duration.ofMillis(10), Duration.ofHours(24), "10 ms and 24 h", "commitInterval");
      return this;
    }

    public LuceneConfig build() {
      if (chunkOverlapTokens > chunkTokens / 2) {
        throw new IllegalArgumentException(
            "chunkOverlapTokens must be at most half of chunkTokens (" + chunkTokens + "); got " + chunkOverlapTokens);
      }
      return new LuceneConfig(this);
    }

    private static Duration check(Duration value, Duration min, Duration max, String range, String name) {
      Objects.requireNonNull(value, name);
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw new IllegalArgumentException(name + " must be between " + range + "; got " + value);
      }
      return value;
    }

    private static int check(int value, int min, int max, String name) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(name + " must be in " + min + ".." + max + "; got " + value);
      }
      return value;
    }
  }
}
