package dev.egretta.lucene;

import dev.egretta.core.EgrettaException;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * BM25 and kNN over the same scope filter (inside both queries), fused by reciprocal rank or by a
 * convex combination of normalised scores, then scored in [0, 1] by {@link ScoreCalibration}.
 * User text is analysed into terms with the index analyzer, never parsed as query syntax.
 */
final class HybridSearcher {
  private static final Set<String> STORED = Set.of(
      Fields.ID, Fields.URI, Fields.FILENAME, Fields.START_PAGE, Fields.END_PAGE, Fields.PAGE_STARTS, Fields.HEADING,
      Fields.PASSAGE, Fields.VISIBILITY);

  /**
   * Threads that run BM25 while the caller embeds the query; one per concurrent search. The caller
   * keeps the longer task (the model call, ~3 ms against BM25's ~0.5 ms over a few hundred chunks),
   * so the hand-off to a parked thread and back is off the critical path: 0.17-0.21 ms less per
   * lone query than with the embedding on the other thread (retrieval-lucene/README.md, "Latency").
   */
  private static final ExecutorService BM25_SEARCH =
      Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("egretta-bm25").factory());

  private final ScopeBitSets scopeBitSets = new ScopeBitSets();
  private final Analyzer analyzer;
  private final Embedder embedder;
  private final LuceneConfig config;
  private final BM25Similarity similarity;

  HybridSearcher(Analyzer analyzer, Embedder embedder, LuceneConfig config) {
    this.analyzer = analyzer;
    this.embedder = embedder;
    this.config = config;
    this.similarity = new BM25Similarity((float) config.bm25K1(), (float) config.bm25B());
  }

  List<ExplainedPassage> search(IndexSearcher searcher, String text, SearchScope scope, int limit, RetrieverKind kind) {
    try {
      Query filter = Fields.scopeFilter(scope);
      int depth = Math.max(limit, config.searchDepth());
      ScoreDoc[] lexical = new ScoreDoc[0];
      Map<Integer, Document> documents = new HashMap<>();
      float[] queryVector;
      if (kind == RetrieverKind.DENSE) {
        queryVector = embed(text);
      } else {
        // BM25 runs on another core while this thread embeds the query (a few ms of model time), and
        // then reads its first hits' stored fields, which the fused top hits mostly are.
        CompletableFuture<LexicalHits> bm25 = CompletableFuture.supplyAsync(() -> {
          try {
            ScoreDoc[] hits = bm25(searcher, text, filter, depth);
            return new LexicalHits(hits,
                documents(searcher.storedFields(), Arrays.stream(hits).limit(limit).map(h -> h.doc).toList()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, BM25_SEARCH);
        try {
          queryVector = embed(text);
        } finally {
          LexicalHits hits = lexical(bm25);
          lexical = hits.hits();
          documents.putAll(hits.documents());
        }
      }
      ScoreDoc[] dense = kind == RetrieverKind.BM25 ? new ScoreDoc[0] : dense(searcher, queryVector, filter, depth);
      StoredFields stored = searcher.storedFields();
      // Exact ties end in chunk id order (Fusion's tie rule, as on Elasticsearch), not in index order.
      Map<Integer, Double> fused = config.fusion().fuse(docs(lexical), scores(lexical), docs(dense), scores(dense),
          config.rrfK(), config.denseWeight(), Comparator.comparing(chunkIds(stored)));
      List<Integer> ranking = new ArrayList<>(fused.keySet());
      Map<Integer, Integer> lexicalRank = ranks(lexical);
      Map<Integer, Integer> denseRank = ranks(dense);
      List<Integer> top = ranking.subList(0, Math.min(limit, ranking.size()));
      documents.putAll(documents(stored, top.stream().filter(doc -> !documents.containsKey(doc)).toList()));
      List<ExplainedPassage> out = new ArrayList<>(top.size());
      double cap = 1.0;
      for (int doc : top) {
        float[] v = VectorReader.read(searcher.getIndexReader(), doc);
        double cosine = v == null ? 0 : VectorReader.dot(queryVector, v);
        cap = Math.min(cap, config.calibration().score(cosine));
        int lr = lexicalRank.getOrDefault(doc, 0);
        int dr = denseRank.getOrDefault(doc, 0);
        out.add(new ExplainedPassage(toPassage(documents.get(doc), cap).withRanks(lr, dr), cosine, lr, dr,
            fused.get(doc)));
      }
      return out;
    } catch (IOException e) {
      throw new EgrettaException("search failed: " + e.getMessage(), e);
    }
  }

  /**
   * The nearest chunks by vector: every vector in a small scope is scored ({@link ExactVectorSearch}),
   * a larger one is searched through the HNSW graph.
   */
  private ScoreDoc[] dense(IndexSearcher searcher, float[] vector, Query filter, int depth) throws IOException {
    List<ScopeBitSets.LeafScope> scope = scopeBitSets.perLeaf(searcher, filter);
    long inScope = 0;
    for (ScopeBitSets.LeafScope leaf : scope) {
      inScope += leaf.count();
    }
    if (inScope <= ExactVectorSearch.MAX_EXACT) {
      return ExactVectorSearch.topK(searcher.getIndexReader().leaves(), scope, Fields.VECTOR, vector, depth);
    }
    return searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, depth, scopeBitSets.cached(filter)), depth)
        .scoreDocs;
  }

  /**
   * The stored fields of the hits, read in index order: documents of one compressed block then cost one
   * decompression, not one each (10 hits over the 12 PDFs: 0.13-0.23 ms against 0.29-0.49 in rank order).
   */
  private static Map<Integer, Document> documents(StoredFields stored, List<Integer> docs) throws IOException {
    int[] inIndexOrder = docs.stream().mapToInt(Integer::intValue).sorted().toArray();
    Map<Integer, Document> out = new HashMap<>();
    for (int doc : inIndexOrder) {
      out.put(doc, stored.document(doc, STORED));
    }
    return out;
  }

  /** A document's chunk id, read only for documents in an exact tie (and once each). */
  private static Function<Integer, String> chunkIds(StoredFields stored) {
    Map<Integer, String> ids = new HashMap<>();
    return doc -> ids.computeIfAbsent(doc, d -> {
      try {
        return stored.document(d, Set.of(Fields.ID)).get(Fields.ID);
      } catch (IOException e) {
        throw new EgrettaException("search failed: " + e.getMessage(), e);
      }
    });
  }

  /** The question's vector; a configured model's own failure is named as the query embedding's. */
  private float[] embed(String text) {
    try {
      return embedder.embedQuery(text);
    } catch (EgrettaException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new EgrettaException("query embedding failed: " + e.getMessage(), e);
    }
  }

  /** BM25's ranked hits and the stored fields of its first ones, by doc id. */
  private record LexicalHits(ScoreDoc[] hits, Map<Integer, Document> documents) {}

  private static LexicalHits lexical(CompletableFuture<LexicalHits> bm25) {
    try {
      return bm25.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() instanceof UncheckedIOException io ? io.getCause() : e.getCause();
      throw cause instanceof EgrettaException ee ? ee : new EgrettaException("search failed: " + cause.getMessage(), cause);
    }
  }

  private ScoreDoc[] bm25(IndexSearcher searcher, String text, Query filter, int depth) throws IOException {
    BackendParts.QueryTermsAndPairs question = BackendParts.QueryTermsAndPairs.of(analyzer, text);
    if (question.terms().isEmpty()) {
      return new ScoreDoc[0];
    }
    BooleanQuery.Builder should = new BooleanQuery.Builder();
    for (String t : question.terms()) {
      should.add(new TermQuery(new Term(Fields.TEXT, t)), Occur.SHOULD);
    }
    if (config.bm25Proximity() > 0) {
      for (List<String> pair : question.proximityPairs()) {
        Query phrase = new PhraseQuery(config.bm25ProximitySlop(), Fields.TEXT, pair.get(0), pair.get(1));
        should.add(new BoostQuery(phrase, (float) config.bm25Proximity()), Occur.SHOULD);
      }
    }
    Query query = new BooleanQuery.Builder().add(should.build(), Occur.MUST).add(filter, Occur.FILTER).build();
    // A searcher over the same reader is cheap; it carries this knowledge base's k1 and b (norms do not depend on them).
    IndexSearcher bm25 = new IndexSearcher(searcher.getIndexReader());
    bm25.setSimilarity(similarity);
    return bm25.search(query, depth).scoreDocs;
  }

  /** The BM25 terms of a question ({@link QueryTerms}). */
  List<String> terms(String text) {
    return QueryTerms.of(analyzer, text);
  }

  private static Map<Integer, Integer> ranks(ScoreDoc[] hits) {
    Map<Integer, Integer> ranks = new HashMap<>();
    for (int r = 0; r < hits.length; r++) {
      ranks.putIfAbsent(hits[r].doc, r + 1);
    }
    return ranks;
  }

  private static List<Integer> docs(ScoreDoc[] hits) {
    List<Integer> docs = new ArrayList<>(hits.length);
    for (ScoreDoc h : hits) {
      docs.add(h.doc);
    }
    return docs;
  }

  private static double[] scores(ScoreDoc[] hits) {
    double[] s = new double[hits.length];
    for (int i = 0; i < hits.length; i++) {
      s[i] = hits[i].score;
    }
    return s;
  }

  private static RetrievedPassage toPassage(Document d, double score) {
    return new RetrievedPassage(
        d.get(Fields.ID), d.get(Fields.URI), d.get(Fields.FILENAME),
        d.getField(Fields.START_PAGE).numericValue().intValue(),
        d.getField(Fields.END_PAGE).numericValue().intValue(),
        d.get(Fields.HEADING) == null ? "" : d.get(Fields.HEADING),
        d.get(Fields.PASSAGE), Fields.PRIVATE.equals(d.get(Fields.VISIBILITY)),
        Math.max(0.0, Math.min(1.0, score)), 0, 0, PageStarts.parse(d.get(Fields.PAGE_STARTS)));
  }
}
