package dev.egretta.lucene;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.EgrettaException;
import dev.egretta.core.Organisation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * The Lucene index on disk: the single writer, near-real-time searchers, and the commit data
 * that ties the index to one embedding model; or, read-only, searchers over the latest commit that
 * another writer (in this or another process) made, without the write lock. Thread-safe.
 */
final class IndexStore implements AutoCloseable {
  static final String MODEL_KEY = "egretta.embedding.model";
  static final String DIMENSION_KEY = "egretta.embedding.dimension";
  static final String SCHEMA_KEY = "egretta.schema";

  /** BM25 with the parameters Anserini uses for BEIR (k1 = 0.9, b = 0.4). */
  static final BM25Similarity SIMILARITY = new BM25Similarity(0.9f, 0.4f);

  /** How often at most a read-only store looks for a newer commit. */
  static final long REFRESH_INTERVAL_NANOS = 1_000_000_000L;

  private static final System.Logger LOG = System.getLogger(IndexStore.class.getName());

  private static final SearcherFactory SEARCHER_FACTORY = new SearcherFactory() {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(SIMILARITY);
      return searcher;
    }
  };

  private final Path path;
  private final Directory directory;
  /** Null when read-only. */
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Map<String, String> commitData;
  private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong lastRefreshCheck = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());

  /** Opens (or creates) the index for writing: takes Lucene's write lock. */
  IndexStore(Path path, Analyzer analyzer, Embedder embedder, boolean int8) {
    this(path, analyzer, embedder, int8, false);
  }

  /**
   * @param readOnly no writer and no lock: searches see the latest commit (checked at most every
   *     {@link #REFRESH_INTERVAL_NANOS}), and an index must already exist
   */
  IndexStore(Path path, Analyzer analyzer, Embedder embedder, boolean int8, boolean readOnly) {
    this.path = path;
    commitData = Map.of(MODEL_KEY, embedder.id(), DIMENSION_KEY, Integer.toString(embedder.dimension()), SCHEMA_KEY, "1");
    Directory dir = null;
    IndexWriter w = null;
    try {
      if (readOnly && !java.nio.file.Files.isDirectory(path)) {
        throw noIndex(path); // before FSDirectory.open, which would create the folder
      }
      dir = FSDirectory.open(path);
      if (DirectoryReader.indexExists(dir)) {
        String model = SegmentInfos.readLatestCommit(dir).getUserData().get(MODEL_KEY);
        if (model != null && !model.equals(embedder.id())) {
          throw new ConfigurationException("the index at " + path + " was built with embedding model '" + model
              + "' but is opened with '" + embedder.id() + "'; use the same model or a new index directory");
        }
      } else if (readOnly) {
        throw noIndex(path);
      }
      if (readOnly) {
        searchers = new SearcherManager(dir, SEARCHER_FACTORY);
      } else {
        w = new IndexWriter(dir, writerConfig(analyzer, int8));
        w.setLiveCommitData(commitData.entrySet());
        if (!DirectoryReader.indexExists(dir)) {
          w.commit();
        }
        searchers = new SearcherManager(w, true, false, SEARCHER_FACTORY);
      }
    } catch (LockObtainFailedException e) {
      IOUtils.closeWhileHandlingException(dir);
      throw new ConfigurationException("the index at " + path + " is already open for writing (another process or instance holds its lock)", e);
    } catch (IOException e) {
      IOUtils.closeWhileHandlingException(w, dir);
      throw new ConfigurationException("cannot open the index at " + path + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      IOUtils.closeWhileHandlingException(w, dir);
      throw e;
    }
    directory = dir;
    writer = w;
    // Every new searcher (after a commit, or a reader's refresh) invalidates what callers cached.
    searchers.addListener(new ReferenceManager.RefreshListener() {
      @Override
      public void beforeRefresh() {}

      @Override
      public void afterRefresh(boolean didRefresh) {
        if (didRefresh) {
          generation.incrementAndGet();
        }
      }
    });
  }

  static boolean exists(Path path) {
    if (!java.nio.file.Files.isDirectory(path)) {
      return false;
    }
    try (Directory dir = FSDirectory.open(path)) {
      return DirectoryReader.indexExists(dir);
    } catch (IOException e) {
      return false;
    }
  }

  private static ConfigurationException noIndex(Path path) {
    return new ConfigurationException("no index at " + path + ": nothing has been indexed there yet"
        + " (build one first, e.g. with 'egretta index <folder>')");
  }

  private static IndexWriterConfig writerConfig(Analyzer analyzer, boolean int8) {
    KnnVectorsFormat vectors = int8 ? new Lucene104HnswScalarQuantizedVectorsFormat() : new Lucene99HnswVectorsFormat();
    return new IndexWriterConfig(analyzer)
        .setSimilarity(SIMILARITY)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(128)
        .setCodec(new Lucene104Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return vectors;
          }
        });
  }

  boolean readOnly() {
    return writer == null;
  }

  /** The writer; a read-only store has none (callers check {@link #readOnly()} first, this is the backstop). */
  private IndexWriter writer() {
    if (writer == null) {
      throw new IllegalStateException("the index at " + path + " is open read-only");
    }
    return writer;
  }

  IndexSearcher acquire() {
    try {
      if (writer == null) {
        maybeSeeNewCommit();
      }
      return searchers.acquire();
    } catch (AlreadyClosedException e) {
      // Lucene's exception must not cross the Retriever SPI.
      throw new EgrettaException("the knowledge base is closed", e);
    } catch (IOException e) {
      throw new EgrettaException("cannot read the index: " + e.getMessage(), e);
    }
  }

  /**
   * A read-only store takes up another process's commits on the search that finds one, at most once
   * per {@link #REFRESH_INTERVAL_NANOS}: the check lists the directory, the reopen reads only new
   * segments. A search that meets a refresh in progress goes on with the current searcher.
   */
  private void maybeSeeNewCommit() {
    long now = System.nanoTime();
    long last = lastRefreshCheck.get();
    if (now - last < REFRESH_INTERVAL_NANOS || !lastRefreshCheck.compareAndSet(last, now)) {
      return;
    }
    try {
      searchers.maybeRefresh();
    } catch (AlreadyClosedException e) {
      // closed: the acquire that follows says so
    } catch (IOException e) {
      // e.g. a commit the writer deleted while it was being opened: the next check finds a newer one
      LOG.log(System.Logger.Level.WARNING, "cannot open the newest commit of " + path + "; searching the previous one: " + e);
    }
  }

  void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The number of live documents {@code query} matches, on the current searcher. */
  int count(Query query) {
    IndexSearcher s = acquire();
    try {
      return s.count(query);
    } catch (IOException e) {
      throw new EgrettaException("cannot read the index: " + e.getMessage(), e);
    } finally {
      release(s);
    }
  }

  List<Manifest> manifests(Query query) {
    IndexSearcher s = acquire();
    try {
      return Manifest.read(s, query);
    } finally {
      release(s);
    }
  }

  void replace(Optional<Organisation> owner, String uri, List<Document> block) {
    try {
      writer().updateDocuments(Fields.keyTerm(owner, uri), block);
    } catch (IOException e) {
      throw new EgrettaException("cannot write to the index: " + e.getMessage(), e);
    }
  }

  void delete(Optional<Organisation> owner, String uri) {
    try {
      writer().deleteDocuments(Fields.keyTerm(owner, uri));
    } catch (IOException e) {
      throw new EgrettaException("cannot write to the index: " + e.getMessage(), e);
    }
  }

  void updateVersion(Optional<Organisation> owner, String uri, String version) {
    try {
      writer().updateBinaryDocValue(Fields.manifestTerm(owner, uri), Fields.VERSION, new BytesRef(version));
    } catch (IOException e) {
      throw new EgrettaException("cannot write to the index: " + e.getMessage(), e);
    }
  }

  /** Commits (durable) and makes the changes visible to new searches. */
  void commit() {
    try {
      writer().setLiveCommitData(commitData.entrySet());
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new EgrettaException("cannot commit the index: " + e.getMessage(), e);
    }
  }

  /** Changes with every commit (a read-only store's: as it takes them up); lets callers cache what they read. */
  long generation() {
    if (writer == null) {
      maybeSeeNewCommit(); // a caller answering from its cache alone would otherwise never see a new commit
    }
    return generation.get();
  }

  /** Vectors of the texts, reusing those of identical chunk texts already in the index. */
  List<float[]> cachedOrEmbed(List<String> texts, Embedder embedder) {
    float[][] out = new float[texts.size()][];
    Map<String, List<Integer>> missing = new HashMap<>();
    IndexSearcher s = acquire();
    try {
      for (int i = 0; i < texts.size(); i++) {
        String hash = Fields.textHash(texts.get(i));
        if (missing.containsKey(hash)) {
          missing.get(hash).add(i);
          continue;
        }
        TopDocs hit = s.search(new TermQuery(new Term(Fields.TEXT_HASH, hash)), 1);
        float[] v = hit.scoreDocs.length == 0 ? null : VectorReader.read(s.getIndexReader(), hit.scoreDocs[0].doc);
        if (v != null && v.length == embedder.dimension()) {
          out[i] = v;
        } else {
          missing.computeIfAbsent(hash, h -> new ArrayList<>()).add(i);
        }
      }
    } catch (IOException e) {
      throw new EgrettaException("cannot read the index: " + e.getMessage(), e);
    } finally {
      release(s);
    }
    List<List<Integer>> groups = new ArrayList<>(missing.values());
    List<float[]> fresh = embedder.embedPassages(groups.stream().map(g -> texts.get(g.get(0))).toList());
    for (int g = 0; g < groups.size(); g++) {
      for (int i : groups.get(g)) {
        out[i] = fresh.get(g);
      }
    }
    return List.of(out);
  }

  @Override
  public void close() throws IOException {
    try {
      searchers.close();
      if (writer != null) {
        writer.setLiveCommitData(commitData.entrySet());
        writer.close();
      }
    } finally {
      directory.close();
    }
  }
}
