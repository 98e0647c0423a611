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
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index on disk: the single writer, near-real-time searchers, and the commit data
 * that ties the index to one embedding model. Thread-safe.
 */
final class IndexStore implements AutoCloseable {
  static final String MODEL_KEY = "egretta.embedding.model";
  static final String DIMENSION_KEY = "egretta.embedding.dimension";
  static final String SCHEMA_KEY = "egretta.schema";

  /** BM25 with the parameters Anserini uses for BEIR (k1 = 0.9, b = 0.4). */
  static final BM25Similarity SIMILARITY = new BM25Similarity(0.9f, 0.4f);

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Map<String, String> commitData;
  private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

  IndexStore(Path path, Analyzer analyzer, Embedder embedder, boolean int8) {
    commitData = Map.of(MODEL_KEY, embedder.id(), DIMENSION_KEY, Integer.toString(embedder.dimension()), SCHEMA_KEY, "1");
    try {
      directory = FSDirectory.open(path);
      if (DirectoryReader.indexExists(directory)) {
        Map<String, String> existing = SegmentInfos.readLatestCommit(directory).getUserData();
        String model = existing.get(MODEL_KEY);
        if (model != null && !model.equals(embedder.id())) {
          directory.close();
          throw new ConfigurationException("the index at " + path + " was built with embedding model '" + model
              + "' but is opened with '" + embedder.id() + "'; use the same model or a new index directory");
        }
      }
      KnnVectorsFormat vectors = int8 ? new Lucene104HnswScalarQuantizedVectorsFormat() : new Lucene99HnswVectorsFormat();
      IndexWriterConfig iwc = new IndexWriterConfig(analyzer)
          .setSimilarity(SIMILARITY)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(128)
          .setCodec(new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
              return vectors;
            }
          });
      writer = new IndexWriter(directory, iwc);
      writer.setLiveCommitData(commitData.entrySet());
      if (!DirectoryReader.indexExists(directory)) {
        writer.commit();
      }
      searchers = new SearcherManager(writer, true, false, new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
          IndexSearcher searcher = new IndexSearcher(reader);
          searcher.setSimilarity(SIMILARITY);
          return searcher;
        }
      });
    } catch (LockObtainFailedException e) {
      throw new ConfigurationException("the index at " + path + " is already open for writing (another process or instance holds its lock)", e);
    } catch (IOException e) {
      throw new ConfigurationException("cannot open the index at " + path + ": " + e.getMessage(), e);
    }
  }

  IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
      writer.updateDocuments(Fields.keyTerm(owner, uri), block);
    } catch (IOException e) {
      throw new EgrettaException("cannot write to the index: " + e.getMessage(), e);
    }
  }

  void delete(Optional<Organisation> owner, String uri) {
    try {
      writer.deleteDocuments(Fields.keyTerm(owner, uri));
    } catch (IOException e) {
      throw new EgrettaException("cannot write to the index: " + e.getMessage(), e);
    }
  }

  void updateVersion(Optional<Organisation> owner, String uri, String version) {
    try {
      writer.updateBinaryDocValue(Fields.manifestTerm(owner, uri), Fields.VERSION, new BytesRef(version));
    } catch (IOException e) {
      throw new EgrettaException("cannot write to the index: " + e.getMessage(), e);
    }
  }

  /** Commits (durable) and makes the changes visible to new searches. */
  void commit() {
    try {
      writer.setLiveCommitData(commitData.entrySet());
      writer.commit();
      searchers.maybeRefreshBlocking();
      generation.incrementAndGet();
    } catch (IOException e) {
      throw new EgrettaException("cannot commit the index: " + e.getMessage(), e);
    }
  }

  /** Changes with every commit; lets callers cache what they read from the index. */
  long generation() {
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
      writer.setLiveCommitData(commitData.entrySet());
      writer.close();
    } finally {
      directory.close();
    }
  }
}
