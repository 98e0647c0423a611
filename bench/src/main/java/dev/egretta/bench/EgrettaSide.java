package dev.egretta.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.BenchmarkHooks;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.RetrieverKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Egretta's side: ingest the PDF folder into a fresh {@link LuceneKnowledgeBase} with its defaults
 * (Tika, page-accurate chunks, bge-small-en-v1.5-q on ONNX Runtime, Lucene HNSW), then top-10 hybrid
 * retrieval (query embedding + BM25 + kNN + fusion + stored fields) through the public {@code Retriever}
 * API, every query embedded afresh (no query-vector cache). Runs in its own child JVM.
 */
final class EgrettaSide {
  private EgrettaSide() {}

  static Map<String, Object> ingestAndQuery(
      Path corpus, Path indexDir, Path chunkTextsFile, List<Questions.Question> questions, int warmupRounds, int rounds)
      throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    List<String> texts;
    // no query-vector cache: the questions repeat round after round, and a cached vector would hide
    // the model call that Easy RAG's side pays each time (the default cache of 256 would answer them all)
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(indexDir, LuceneConfig.builder().queryCacheSize(0).build())) {
      IngestReport report = kb.ingest(LocalFolderSource.of(corpus), IngestOptions.publicLibrary(), IngestListener.NONE);
      long t1 = System.nanoTime();
      if (!report.rejected().isEmpty()) {
        throw new IllegalStateException("Egretta rejected documents: " + report.rejected());
      }
      out.put("documents", report.documentsIndexed());
      out.put("pages", report.pages());
      out.put("chunks", report.chunks());
      out.put("ingestSeconds", (t1 - t0) / 1e9);
      out.put("reportSeconds", report.seconds());
      out.put("peakRssAfterIngestBytes", ProcStatus.peakRss(ProcessHandle.current().pid()));

      double[] latencies = Latency.measure(questions, warmupRounds, rounds, q -> search(kb, q));
      out.put("latenciesMs", latencies);
      texts = BenchmarkHooks.indexTexts(kb);
      // BM25-only retrieval still embeds the query; over a few hundred chunks its search part is ~0.1 ms,
      // so this is (an upper bound of) the query-embedding time inside Egretta.
      out.put("bm25KindLatenciesMs", Latency.measure(questions, 1, rounds, q -> kb.search(
          new RetrievalRequest(q.text(), SearchScope.publicOnly(q.domain(), Questions.CATEGORY), 10),
          RetrieverKind.BM25).size()));
    }
    if (chunkTextsFile != null) {
      if (texts.size() != ((Number) out.get("chunks")).intValue()) {
        throw new IllegalStateException("read " + texts.size() + " chunk texts back from the index but ingestion reported "
            + out.get("chunks") + " chunks: the index holds chunks of an earlier run?");
      }
      new ObjectMapper().writeValue(chunkTextsFile.toFile(), texts);
    }
    return out;
  }

  /** One top-10 hybrid retrieval in the question's domain: the number of hits. */
  static int search(LuceneKnowledgeBase kb, Questions.Question q) {
    List<RetrievedPassage> hits = kb.retrieve(
        new RetrievalRequest(q.text(), SearchScope.publicOnly(q.domain(), Questions.CATEGORY), 10));
    if (hits.isEmpty()) {
      throw new IllegalStateException("Egretta found nothing for: " + q);
    }
    return hits.size();
  }
}
