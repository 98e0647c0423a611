package dev.egretta.elasticsearch;

import dev.egretta.core.Organisation;
import dev.egretta.core.spi.CorpusInventory;
import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.DomainCategory;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.Retriever;
import dev.egretta.core.spi.TextEmbedder;
import dev.egretta.lucene.BackendParts;
import dev.egretta.lucene.ExplainedPassage;
import dev.egretta.lucene.IndexedDocument;
import dev.egretta.lucene.DocumentIndex;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.RetrieverKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A knowledge base in an Elasticsearch cluster: the same parsing, chunking, embedding, BM25 analysis,
 * fusion and score calibration as {@code LuceneKnowledgeBase}, with the index in the cluster, so that
 * several application instances share one index and it grows past one machine. Scopes are filters
 * inside both the BM25 and the kNN query ({@code _msearch}, one round trip).
 *
 * <p>Thread-safe; ingestion runs of one instance are serialised (several instances, e.g. one per
 * application host, may ingest different sources). Close it to release the HTTP client and threads.
 *
 * <pre>{@code
 * var config = ElasticsearchConfig.builder("http://es1:9200,http://es2:9200").apiKey(key).index("egretta").build();
 * try (var kb = ElasticsearchKnowledgeBase.open(config)) {
 *   kb.ingest(LocalFolderSource.of(Path.of("pdfs")), IngestOptions.publicLibrary(), IngestListener.NONE);
 *   var hits = kb.retrieve(new RetrievalRequest("incident reporting", SearchScope.publicOnly("security", "us"), 5));
 * }
 * }</pre>
 */
public final class ElasticsearchKnowledgeBase implements Retriever, CorpusInventory, TextEmbedder, DocumentIndex,
    AutoCloseable {
  private final ElasticsearchConfig config;
  private final EsHttp http;
  private final BackendParts parts;
  private final EsStore store;
  private final EsSearcher searcher;
  private final ReentrantLock ingestLock = new ReentrantLock();

  private ElasticsearchKnowledgeBase(ElasticsearchConfig config, SearchDialect dialect) {
    this.config = config;
    this.http = new EsHttp(config.hosts(), config.apiKey().orElse(null), (int) config.timeout().toMillis());
    BackendParts p = null;
    boolean termPositions;
    try {
      http.exists("/" + config.index()); // an unreachable cluster or a refused key fails before the model loads
      p = BackendParts.create(config.pipeline());
      termPositions = IndexSchema.ensure(http, config, dialect, p);
    } catch (RuntimeException e) {
      if (p != null) {
        p.close();
      }
      http.close();
      throw e;
    }
    this.parts = p;
    this.store = new EsStore(http, config);
    this.searcher = new EsSearcher(http, parts, config, dialect, termPositions);
  }

  /**
   * Connects to the cluster and creates the chunk and documents indices when absent.
   *
   * @throws dev.egretta.core.ConfigurationException (one line naming the cluster and the fix) when the
   *     cluster cannot be reached, refuses the API key, or holds an index of that name that does not fit
   */
  public static ElasticsearchKnowledgeBase open(ElasticsearchConfig config) {
    return new ElasticsearchKnowledgeBase(Objects.requireNonNull(config, "config"), new ElasticsearchDialect());
  }

  public ElasticsearchConfig config() {
    return config;
  }

  /** Hybrid search (fusion as configured); scores in [0, 1] and never increasing down the list. */
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
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(kind, "kind");
    if (request.text().isBlank()) {
      return List.of();
    }
    return searcher.search(request.text(), request.scope(), request.limit(), kind);
  }

  /**
   * Brings the index up to date with {@code source}, as {@code LuceneKnowledgeBase.ingest} does: new and
   * changed documents (by URI and SHA-256) are indexed, unchanged ones skipped, with sync vanished ones
   * deleted. A document the cluster refuses is that document's rejection, with the cluster's reason.
   * Everything is visible to searches when it returns.
   */
  public IngestReport ingest(DocumentSource source, IngestOptions options, IngestListener listener) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(listener, "listener");
    ingestLock.lock();
    try {
      return new EsIngestion(store, parts, config, options.owner(), listener).run(source, options.sync(), options.ocr());
    } finally {
      ingestLock.unlock();
    }
  }

  /** The indexed documents of one owner (empty = the public library). */
  public List<IndexedDocument> documents(Optional<Organisation> owner) {
    Objects.requireNonNull(owner, "owner");
    return store.manifests(owner, true).stream().map(Manifest::toIndexedDocument).toList();
  }

  /**
   * Whether one of the owner's indexed documents (empty = the public library) has a URI that starts with
   * {@code uriPrefix}, e.g. {@code "s3://"}: one count, where {@link #documents} lists every document.
   */
  public boolean holdsDocumentsUnder(Optional<Organisation> owner, String uriPrefix) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(uriPrefix, "uriPrefix");
    return store.holdsIndexedUnder(owner, uriPrefix);
  }

  /** Deletes one document with all its chunks; false when the owner holds no such document. */
  public boolean deleteDocument(Optional<Organisation> owner, String uri) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(uri, "uri");
    ingestLock.lock();
    try {
      String key = IndexSchema.docKey(owner, uri);
      boolean known = store.manifests(owner, false).stream().anyMatch(m -> m.uri().equals(uri));
      if (!known) {
        return false;
      }
      DocumentDeletion.delete(store, key);
      store.refresh();
      return true;
    } finally {
      ingestLock.unlock();
    }
  }

  @Override
  public Set<DomainCategory> domainCategories(Organisation caller) {
    return store.filings(Objects.requireNonNull(caller, "caller"));
  }

  @Override
  public boolean hasPrivateDocuments(Organisation caller) {
    return store.countIndexed(Optional.of(Objects.requireNonNull(caller, "caller"))) > 0;
  }

  /** Number of chunks in the index (all owners). */
  public long chunkCount() {
    return store.chunkCount();
  }

  /** The length of {@code text} in the embedding model's tokens. */
  public int countTokens(String text) {
    return parts.countTokens(text);
  }

  @Override
  public float[] embedQuery(String question) {
    return parts.embedQuery(Objects.requireNonNull(question, "question"));
  }

  @Override
  public List<float[]> embedPassages(List<String> texts) {
    return parts.embedPassages(texts);
  }

  @Override
  public String modelId() {
    return parts.embeddingModelId();
  }

  @Override
  public void close() {
    ingestLock.lock();
    try {
      parts.close();
    } finally {
      try {
        http.close();
      } finally {
        ingestLock.unlock();
      }
    }
  }
}
