package dev.egretta.lucene;

import dev.egretta.core.EgrettaException;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.CorpusInventory;
import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.DomainCategory;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.Retriever;
import dev.egretta.core.spi.TextEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A knowledge base of PDFs in a Lucene index on disk: page-accurate chunks, hybrid BM25 + vector
 * search with the scope filter inside both queries, incremental and crash-safe ingestion.
 *
 * <p>Thread-safe: any number of searches may run while one ingestion runs (they see each
 * committed batch as soon as it is committed). One writable instance ({@link #open}) may open an index
 * directory at a time (it holds Lucene's write lock); any number of {@link #openReadOnly read-only}
 * ones, in this process or others, may search it meanwhile and see each commit within about a second.
 * Close it to release the index.
 *
 * <pre>{@code
 * try (var kb = LuceneKnowledgeBase.open(Path.of("index"))) {
 *   kb.ingest(LocalFolderSource.of(Path.of("pdfs")), IngestOptions.publicLibrary(), IngestListener.NONE);
 *   var hits = kb.retrieve(new RetrievalRequest("incident reporting", SearchScope.publicOnly("security", "us"), 5));
 * }
 * }</pre>
 */
public final class LuceneKnowledgeBase implements Retriever, CorpusInventory, TextEmbedder, DocumentIndex, AutoCloseable {
  /** Beyond this many (domain, category) counts, filings are read from the documents' records instead. */
  private static final long MAX_FILING_COUNTS = 2_000;

  private final LuceneConfig config;
  private final Embedder embedder;
  private final EnglishAnalyzer analyzer = new EnglishAnalyzer();
  private final IndexStore store;
  private final TextExtractor extractor;
  private final Chunker chunker;
  private final HybridSearcher searcher;
  private final ReentrantLock ingestLock = new ReentrantLock();
  /** (index generation, owner) -> filings; an entry is computed from a searcher at least that new. */
  private final java.util.concurrent.ConcurrentHashMap<FilingKey, Set<DomainCategory>> filings =
      new java.util.concurrent.ConcurrentHashMap<>();

  private record FilingKey(long generation, Optional<Organisation> owner) {}

  /** How long a failed open waits for the model's background load before it reports the failure. */
  private static final Duration BACKGROUND_LOAD_WAIT = Duration.ofSeconds(30);

  private LuceneKnowledgeBase(Path indexDir, LuceneConfig config, boolean readOnly) {
    this.config = config;
    this.embedder = QueryCachingEmbedder.of(config);
    try {
      try {
        if (!readOnly) {
          dev.egretta.core.internal.FilePermissions.createPrivateDirectories(indexDir); // owner-only: it holds private text
        }
      } catch (IOException e) {
        throw new dev.egretta.core.ConfigurationException("cannot create the index directory " + indexDir + ": " + e.getMessage(), e);
      }
      this.store = new IndexStore(indexDir, analyzer, embedder, config.int8Quantization(), readOnly);
    } catch (RuntimeException e) {
      // The built-in model is loading in the background. A program that exits on this error (an index
      // another process holds) must not exit while ONNX Runtime is inside createSession: its own shutdown
      // hook then crashes the JVM with SIGSEGV instead of the error being reported.
      OnnxBgeEmbedder.awaitBackgroundLoad(BACKGROUND_LOAD_WAIT);
      throw e;
    }
    this.extractor = new TextExtractor(config.parseTimeLimit(), config.maxCharactersPerDocument());
    this.chunker = new Chunker(embedder.tokenCounter(), config.chunkTokens(), config.chunkOverlapTokens());
    this.searcher = new HybridSearcher(analyzer, embedder, config);
    // The built-in model has been loading in the background while the index opened.
    try {
      embedder.awaitReady();
    } catch (RuntimeException e) {
      try {
        close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** Opens (or creates) the index in {@code indexDir} with the default settings. */
  public static LuceneKnowledgeBase open(Path indexDir) {
    return open(indexDir, LuceneConfig.defaults());
  }

  /** Opens (or creates) the index in {@code indexDir} for searching and writing; takes its write lock. */
  public static LuceneKnowledgeBase open(Path indexDir, LuceneConfig config) {
    Objects.requireNonNull(indexDir, "indexDir");
    Objects.requireNonNull(config, "config");
    return new LuceneKnowledgeBase(indexDir.toAbsolutePath(), config, false);
  }

  /** {@link #openReadOnly(Path, LuceneConfig)} with the default settings. */
  public static LuceneKnowledgeBase openReadOnly(Path indexDir) {
    return openReadOnly(indexDir, LuceneConfig.defaults());
  }

  /**
   * Opens an existing index for searching only, without its write lock, so that it works while a writer
   * (a server, an {@code index} run) has the index open. Searches see the writer's commits within about a
   * second; {@link #ingest} and {@link #deleteDocument} throw {@link IllegalStateException}.
   *
   * @throws dev.egretta.core.ConfigurationException when {@code indexDir} holds no index
   */
  public static LuceneKnowledgeBase openReadOnly(Path indexDir, LuceneConfig config) {
    Objects.requireNonNull(indexDir, "indexDir");
    Objects.requireNonNull(config, "config");
    return new LuceneKnowledgeBase(indexDir.toAbsolutePath(), config, true);
  }

  /**
   * Call before {@code System.exit} in a program that may exit soon after opening an index: waits,
   * at most {@code max}, until the built-in embedding model's background load has ended. ONNX
   * Runtime closes its native environment in a shutdown hook of its own, and a JVM that exited while
   * the model was still being created crashed with SIGSEGV. Returns at once when no built-in model
   * was started or it has loaded.
   */
  public static void awaitBackgroundLoad(Duration max) {
    OnnxBgeEmbedder.awaitBackgroundLoad(Objects.requireNonNull(max, "max"));
  }

  /**
   * Starts loading the built-in embedding model (the one {@link LuceneConfig#defaults()} uses) on background
   * threads and returns at once, so that a program about to open an index can overlap the load with its
   * own start-up; opening the index then waits only for what is left. Idempotent; a load failure is
   * reported by the open that needs the model.
   */
  public static void startLoadingModel() {
    OnnxBgeEmbedder.shared();
  }

  /**
   * {@link #startLoadingModel()} for a process that asks one question or a few and exits, such as a
   * one-off command: the model's weights are used as stored instead of being repacked for the CPU's
   * matrix kernels, so the model is ready about 60 ms sooner and each text it embeds takes about 1 ms
   * longer (the vectors are the same). Decides only if it is the process's first use of the built-in model.
   */
  public static void startLoadingModelForOneOffRun() {
    OnnxBgeEmbedder.sharedForOneOffRun();
  }

  /** Whether {@code indexDir} holds an index (a commit), as {@link #openReadOnly} needs; creates nothing. */
  public static boolean exists(Path indexDir) {
    return IndexStore.exists(indexDir.toAbsolutePath());
  }

  /** True when opened with {@link #openReadOnly}: searches only. */
  public boolean readOnly() {
    return store.readOnly();
  }

  private void checkWritable(String operation) {
    if (store.readOnly()) {
      throw new IllegalStateException("cannot " + operation + ": this knowledge base is open read-only;"
          + " open it with LuceneKnowledgeBase.open to change it");
    }
  }

  public LuceneConfig config() {
    return config;
  }

  /** Hybrid search (fusion as configured); scores in [0, 1], see {@link ScoreCalibration}. */
  @Override
  public List<RetrievedPassage> retrieve(RetrievalRequest request) {
    return search(request, RetrieverKind.HYBRID);
  }

  /** Search with one kind of evidence: BM25 only, vectors only, or both fused. */
  public List<RetrievedPassage> search(RetrievalRequest request, RetrieverKind kind) {
    return explain(request, kind).stream().map(ExplainedPassage::passage).toList();
  }

  /** {@link #search} with the evidence behind each hit's rank and score. */
  public List<ExplainedPassage> explain(RetrievalRequest request, RetrieverKind kind) {
    return explain(request, kind, searcher);
  }

  /**
   * {@link #explain} with other search-time settings (BM25's k1 and b, the fusion, the search depth,
   * the calibration; the embedding model and chunking stay the index's), for fitting those settings
   * without reopening the index: query vectors are cached as usual. Slower than a search with the
   * knowledge base's own settings (scope filters are not cached).
   */
  public List<ExplainedPassage> explain(RetrievalRequest request, RetrieverKind kind, LuceneConfig searchSettings) {
    return explain(request, kind, new HybridSearcher(analyzer, embedder, Objects.requireNonNull(searchSettings, "searchSettings")));
  }

  private List<ExplainedPassage> explain(RetrievalRequest request, RetrieverKind kind, HybridSearcher with) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(kind, "kind");
    if (request.text().isBlank()) {
      return List.of();
    }
    IndexSearcher s = store.acquire();
    try {
      return with.search(s, request.text(), request.scope(), request.limit(), kind);
    } finally {
      store.release(s);
    }
  }

  /**
   * Brings the index up to date with {@code source}: new and changed documents are (re)indexed,
   * unchanged ones skipped, and with {@link IngestOptions#sync()} vanished ones deleted. Runs of
   * several callers are serialised.
   */
  public IngestReport ingest(DocumentSource source, IngestOptions options, IngestListener listener) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(listener, "listener");
    checkWritable("ingest");
    ingestLock.lock();
    try {
      return new Ingestion(store, extractor, chunker, embedder, config, options, listener)
          .run(source, options.sync());
    } finally {
      ingestLock.unlock();
    }
  }

  /** The indexed documents of one owner (empty = the public library), in index order. */
  public List<IndexedDocument> documents(Optional<Organisation> owner) {
    Objects.requireNonNull(owner, "owner");
    return store.manifests(Fields.manifestsOf(owner, true)).stream().map(Manifest::toIndexedDocument).toList();
  }

  /**
   * Whether one of the owner's indexed documents (empty = the public library) has a URI that starts with
   * {@code uriPrefix}, e.g. {@code "s3://"}: an index lookup, where {@link #documents} reads every
   * document's record (0.7-0.8 s over 13,000 documents in a fresh process).
   */
  public boolean holdsDocumentsUnder(Optional<Organisation> owner, String uriPrefix) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(uriPrefix, "uriPrefix");
    return store.count(new BooleanQuery.Builder()
        .add(Fields.manifestsOf(owner, true), Occur.FILTER)
        .add(new PrefixQuery(new Term(Fields.URI, uriPrefix)), Occur.FILTER)
        .build()) > 0;
  }

  /** Deletes one document with all its chunks; false when the owner holds no such document. */
  public boolean deleteDocument(Optional<Organisation> owner, String uri) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(uri, "uri");
    checkWritable("delete a document");
    ingestLock.lock();
    try {
      if (store.count(new TermQuery(Fields.manifestTerm(owner, uri))) == 0) {
        return false;
      }
      store.delete(owner, uri);
      store.commit();
      return true;
    } finally {
      ingestLock.unlock();
    }
  }

  @Override
  public Set<DomainCategory> domainCategories(Organisation caller) {
    Objects.requireNonNull(caller, "caller");
    long generation = store.generation();
    filings.keySet().removeIf(k -> k.generation() != generation);
    Set<DomainCategory> out = new LinkedHashSet<>();
    for (Optional<Organisation> owner : List.of(Optional.<Organisation>empty(), Optional.of(caller))) {
      out.addAll(filings.computeIfAbsent(new FilingKey(generation, owner), k -> filingsOf(k.owner())));
    }
    return out;
  }

  /**
   * The (domain, category) pairs of the owner's indexed documents, from the index's terms: one count per
   * pair of a domain and a category the index names, instead of reading every document's record (which
   * cost a fresh `egretta ask` about a third of a second per 10,000 documents). With very many pairs the
   * records are read after all.
   */
  private Set<DomainCategory> filingsOf(Optional<Organisation> owner) {
    Query manifests = Fields.manifestsOf(owner, true);
    IndexSearcher s = store.acquire();
    try {
      List<String> domains = terms(s, Fields.DOMAIN);
      List<String> categories = terms(s, Fields.CATEGORY);
      Set<DomainCategory> set = new LinkedHashSet<>();
      if ((long) domains.size() * categories.size() > MAX_FILING_COUNTS) {
        for (Manifest m : Manifest.read(s, manifests)) {
          set.add(new DomainCategory(m.domain(), m.category()));
        }
        return Set.copyOf(set);
      }
      for (String domain : domains) {
        Query inDomain = new BooleanQuery.Builder().add(manifests, Occur.FILTER)
            .add(new TermQuery(new Term(Fields.DOMAIN, domain)), Occur.FILTER).build();
        if (s.count(inDomain) == 0) {
          continue;
        }
        for (String category : categories) {
          Query filed = new BooleanQuery.Builder().add(inDomain, Occur.FILTER)
              .add(new TermQuery(new Term(Fields.CATEGORY, category)), Occur.FILTER).build();
          if (s.count(filed) > 0) {
            set.add(new DomainCategory(domain, category));
          }
        }
      }
      return Set.copyOf(set);
    } catch (IOException e) {
      throw new EgrettaException("cannot read the index: " + e.getMessage(), e);
    } finally {
      store.release(s);
    }
  }

  /** Every value a keyword field has in the index (deleted documents' values included: callers count). */
  private static List<String> terms(IndexSearcher s, String field) throws IOException {
    List<String> values = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(s.getIndexReader(), field);
    if (terms != null) {
      TermsEnum e = terms.iterator();
      for (BytesRef t = e.next(); t != null; t = e.next()) {
        values.add(t.utf8ToString());
      }
    }
    return values;
  }

  @Override
  public boolean hasPrivateDocuments(Organisation caller) {
    Objects.requireNonNull(caller, "caller");
    return store.count(Fields.manifestsOf(Optional.of(caller), true)) > 0;
  }

  /**
   * The length of {@code text} in the embedding model's tokens, e.g. for the extractive generator's
   * usage figures ({@code EgrettaEngine.builder().tokenCounter(kb::countTokens)}).
   */
  public int countTokens(String text) {
    return embedder.tokenCounter().count(Objects.requireNonNull(text, "text"));
  }

  /** Number of chunks in the index (all owners). */
  public int chunkCount() {
    return store.count(new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_CHUNK)), Occur.FILTER).build());
  }

  /** The question's vector from the index's model, with its query instruction if it has one (the last 256 are cached). */
  @Override
  public float[] embedQuery(String question) {
    return embedder.embedQuery(Objects.requireNonNull(question, "question"));
  }

  /** Vectors of texts embedded as passages by the index's model, e.g. single sentences of hits. */
  @Override
  public List<float[]> embedPassages(List<String> texts) {
    return embedder.embedPassages(List.copyOf(texts));
  }

  @Override
  public String modelId() {
    return embedder.id();
  }

  Embedder embedder() {
    return embedder;
  }

  /** The embedded text of every chunk in the index (heading + passage), in index order. */
  List<String> allIndexTexts() {
    IndexSearcher s = store.acquire();
    try {
      var query = new TermQuery(new Term(Fields.KIND, Fields.KIND_CHUNK));
      var top = s.search(query, Math.max(1, s.count(query)));
      var stored = s.storedFields();
      List<String> texts = new java.util.ArrayList<>();
      for (var hit : top.scoreDocs) {
        var d = stored.document(hit.doc, Set.of(Fields.PASSAGE, Fields.HEADING));
        texts.add(new Chunk(0, d.get(Fields.PASSAGE), 1, 1, 0, 0, d.get(Fields.HEADING), 0, List.of()).indexText());
      }
      return texts;
    } catch (IOException e) {
      throw new EgrettaException("cannot read the index: " + e.getMessage(), e);
    } finally {
      store.release(s);
    }
  }

  /** Ids of the chunks of one document, in index order (for checks and tests). */
  List<String> chunkIds(Optional<Organisation> owner, String uri) {
    IndexSearcher s = store.acquire();
    try {
      var query = new BooleanQuery.Builder()
          .add(new TermQuery(Fields.keyTerm(owner, uri)), Occur.FILTER)
          .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_CHUNK)), Occur.FILTER).build();
      var top = s.search(query, Math.max(1, s.count(query)));
      var stored = s.storedFields();
      List<String> ids = new java.util.ArrayList<>();
      for (var hit : top.scoreDocs) {
        ids.add(stored.document(hit.doc, Set.of(Fields.ID)).get(Fields.ID));
      }
      return ids;
    } catch (IOException e) {
      throw new EgrettaException("cannot read the index: " + e.getMessage(), e);
    } finally {
      store.release(s);
    }
  }

  @Override
  public void close() {
    ingestLock.lock();
    try {
      extractor.close();
      store.close();
      analyzer.close();
    } catch (IOException e) {
      throw new EgrettaException("cannot close the index: " + e.getMessage(), e);
    } finally {
      ingestLock.unlock();
    }
  }
}
