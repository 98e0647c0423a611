package dev.egretta.bench;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.loader.FileSystemDocumentLoader;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference a Java user would otherwise pick: LangChain4j Easy RAG with its defaults (Tika parser
 * through the document loader, the recursive 300/30-token splitter and the bge-small-en-v1.5-q model it
 * registers, an {@link InMemoryEmbeddingStore}), then top-10 retrieval through
 * {@link EmbeddingStoreContentRetriever}. Runs in its own child JVM.
 */
final class EasyRagSide {
  private EasyRagSide() {}

  static Map<String, Object> ingestAndQuery(Path corpus, List<Questions.Question> questions, int warmupRounds, int rounds) {
    Map<String, Object> out = new LinkedHashMap<>();
    ContentRetriever retriever = ingest(corpus, out);
    double[] latencies = Latency.measure(questions, warmupRounds, rounds, q -> search(retriever, q));
    out.put("latenciesMs", latencies);
    return out;
  }

  /** One top-10 retrieval, as a user of Easy RAG would call it: the number of hits. */
  static int search(ContentRetriever retriever, Questions.Question q) {
    List<Content> hits = retriever.retrieve(Query.from(q.text()));
    if (hits.isEmpty()) {
      throw new IllegalStateException("Easy RAG found nothing for: " + q);
    }
    return hits.size();
  }

  /** Easy RAG's ingestion of the corpus with its defaults; its timings and chunk count go into {@code out}. */
  static ContentRetriever ingest(Path corpus, Map<String, Object> out) {
    long t0 = System.nanoTime();
    List<Document> documents = FileSystemDocumentLoader.loadDocumentsRecursively(corpus);
    long t1 = System.nanoTime();
    InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    EmbeddingStoreIngestor.ingest(documents, store);
    long t2 = System.nanoTime();
    out.put("documents", documents.size());
    out.put("parseSeconds", (t1 - t0) / 1e9);
    out.put("ingestSeconds", (t2 - t0) / 1e9);

    EmbeddingModel model = new BgeSmallEnV15QuantizedEmbeddingModel();
    out.put("chunks", countChunks(store, model));
    out.put("peakRssAfterIngestBytes", ProcStatus.peakRss(ProcessHandle.current().pid()));

    return EmbeddingStoreContentRetriever.builder()
        .embeddingStore(store)
        .embeddingModel(model)
        .maxResults(10)
        .build();
  }

  private static int countChunks(InMemoryEmbeddingStore<TextSegment> store, EmbeddingModel model) {
    Embedding probe = model.embed("count").content();
    return store.search(EmbeddingSearchRequest.builder().queryEmbedding(probe).maxResults(Integer.MAX_VALUE).minScore(0.0).build())
        .matches().size();
  }
}
