package dev.egretta.bench.synthetic;

import dev.egretta.bench.ProcStatus;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.RetrieverKind;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;

/**
 * Scale curves on synthetic corpora, through Egretta's public API: {@link LuceneKnowledgeBase#ingest}
 * of a {@link SyntheticSource} with the {@link SyntheticEmbeddingModel} plugged in as its LangChain4j
 * embedding model (so the index has Egretta's own field layout, chunking, codec and commit path), then
 * BM25 / kNN / hybrid searches through {@link LuceneKnowledgeBase#search}. Only the force-merge step
 * opens the index with plain Lucene, because the knowledge base has no force-merge call.
 */
public final class SyntheticBench {
  static final String VECTOR_FIELD = "vector";
  static final String ID_FIELD = "id";
  static final int CALIBRATION_DOCUMENTS = 8;
  static final double TYPICAL_CHUNKS_PER_DOCUMENT = 20.3;

  private SyntheticBench() {}

  static LuceneConfig config(dev.langchain4j.model.embedding.EmbeddingModel model, boolean int8) {
    return LuceneConfig.builder().embeddingModel(model).int8Quantization(int8).build();
  }

  /** Builds an index of about {@code targetChunks} chunks in {@code indexDir}; returns the figures. */
  public static Map<String, Object> build(Path indexDir, int targetChunks, boolean int8, long seed) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    // sizing only: measure how many chunks a document gives (small builds use the typical figure)
    double perDocument = targetChunks < 5_000 ? TYPICAL_CHUNKS_PER_DOCUMENT
        : chunksPerDocument(indexDir.resolveSibling(indexDir.getFileName() + "-calibration"), seed);
    SyntheticCorpus corpus = SyntheticCorpus.forChunks(targetChunks, perDocument, seed);
    SyntheticEmbeddingModel model = new SyntheticEmbeddingModel(corpus);
    resetPeaks();
    long t0 = System.nanoTime();
    IngestReport report;
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(indexDir, config(model, int8))) {
      report = kb.ingest(new SyntheticSource(corpus), IngestOptions.publicLibrary(), IngestListener.NONE);
    }
    long t1 = System.nanoTime();
    out.put("documents", corpus.documents());
    out.put("topics", corpus.topics());
    out.put("chunks", report.chunks());
    out.put("indexSeconds", (t1 - t0) / 1e9);
    out.put("indexBytesBeforeMerge", directorySize(indexDir));
    out.put("peakHeapIndexingBytes", peakHeapUsed());
    long t2 = System.nanoTime();
    forceMerge(indexDir, int8);
    long t3 = System.nanoTime();
    out.put("forceMergeSeconds", (t3 - t2) / 1e9);
    out.put("indexBytes", directorySize(indexDir));
    out.put("peakRssBuildBytes", ProcStatus.peakRss(ProcessHandle.current().pid()));
    return out;
  }

  /** Searches an index built by {@link #build}: latency per retriever kind, recall@10 of kNN, heap. */
  public static Map<String, Object> query(Path indexDir, int documents, boolean int8, long seed, int queries, int warmup)
      throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    SyntheticCorpus corpus = new SyntheticCorpus(documents, seed);
    SyntheticEmbeddingModel model = new SyntheticEmbeddingModel(corpus);
    SearchScope scope = SearchScope.publicOnly(SyntheticSource.DOMAIN, SyntheticSource.CATEGORY);
    List<String> measured = new ArrayList<>();
    List<String> warm = new ArrayList<>();
    for (int q = 0; q < queries; q++) {
      measured.add(corpus.query(q));
    }
    for (int q = 0; q < warmup; q++) {
      warm.add(corpus.query(1_000_000 + q));
    }
    List<float[]> vectors = measured.stream().map(t -> model.vector(t, new float[SyntheticCorpus.DIMENSIONS])).toList();
    long g0 = System.nanoTime();
    List<Set<String>> truth = ExactSearch.topK(indexDir, VECTOR_FIELD, ID_FIELD, vectors, 10);
    out.put("exactSearchSecondsAllQueries", (System.nanoTime() - g0) / 1e9);

    long t0 = System.nanoTime();
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(indexDir, config(model, int8))) {
      out.put("openSeconds", (System.nanoTime() - t0) / 1e9);
      out.put("chunks", kb.chunkCount());
      for (RetrieverKind kind : RetrieverKind.values()) {
        for (String q : warm) {
          kb.search(new RetrievalRequest(q, scope, 10), kind);
        }
        double[] latencies = new double[measured.size()];
        double[] recalls = new double[measured.size()];
        for (int i = 0; i < measured.size(); i++) {
          long s = System.nanoTime();
          List<RetrievedPassage> hits = kb.search(new RetrievalRequest(measured.get(i), scope, 10), kind);
          latencies[i] = (System.nanoTime() - s) / 1e6;
          recalls[i] = ExactSearch.recall(truth.get(i), hits.stream().map(RetrievedPassage::chunkId).toList());
        }
        String k = kind.name().toLowerCase(java.util.Locale.ROOT);
        out.put(k + "LatenciesMs", latencies);
        out.put(k + "RecallAt10", mean(recalls));
      }
      System.gc();
      System.gc();
      out.put("heapAfterGcBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      out.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    }
    // Hybrid again, with the real model's query embedding in the loop (see RealQueryCostModel).
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(indexDir, config(new RealQueryCostModel(model), int8))) {
      for (String q : warm) {
        kb.search(new RetrievalRequest(q, scope, 10), RetrieverKind.HYBRID);
      }
      double[] latencies = new double[measured.size()];
      for (int i = 0; i < measured.size(); i++) {
        long s = System.nanoTime();
        kb.search(new RetrievalRequest(measured.get(i), scope, 10), RetrieverKind.HYBRID);
        latencies[i] = (System.nanoTime() - s) / 1e6;
      }
      out.put("hybridWithModelLatenciesMs", latencies);
    }
    out.put("rssBytes", ProcStatus.rss(ProcessHandle.current().pid()));
    return out;
  }

  private static double chunksPerDocument(Path dir, long seed) throws IOException {
    deleteRecursively(dir);
    SyntheticCorpus sample = new SyntheticCorpus(CALIBRATION_DOCUMENTS, seed);
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir, config(new SyntheticEmbeddingModel(sample), false))) {
      IngestReport r = kb.ingest(new SyntheticSource(sample), IngestOptions.publicLibrary(), IngestListener.NONE);
      return (double) r.chunks() / CALIBRATION_DOCUMENTS;
    } finally {
      deleteRecursively(dir);
    }
  }

  /** forceMerge(1) with the codec Egretta writes (float HNSW, or int8 scalar-quantized HNSW). */
  static void forceMerge(Path indexDir, boolean int8) throws IOException {
    KnnVectorsFormat vectors = int8 ? new Lucene104HnswScalarQuantizedVectorsFormat() : new Lucene99HnswVectorsFormat();
    IndexWriterConfig iwc = new IndexWriterConfig()
        .setOpenMode(IndexWriterConfig.OpenMode.APPEND)
        .setCodec(new Lucene104Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return vectors;
          }
        });
    try (FSDirectory dir = FSDirectory.open(indexDir); IndexWriter writer = new IndexWriter(dir, iwc)) {
      writer.setLiveCommitData(SegmentInfos.readLatestCommit(dir).getUserData().entrySet());
      writer.forceMerge(1);
      writer.commit();
    }
  }

  static long directorySize(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeapUsed() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return v.length == 0 ? Double.NaN : s / v.length;
  }
}
