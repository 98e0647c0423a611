package dev.egretta.lucene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exhaustive scoring agrees with Lucene's own kNN query where that query is exact too. */
class ExactVectorSearchTest {
  private static final int DIM = 16;

  @TempDir
  Path dir;

  @Test
  void sameHitsAndScoresAsLuceneOverScopeDeletionsAndSegments() throws Exception {
    Random random = new Random(7);
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setMaxBufferedDocs(40))) {
      for (int i = 0; i < 150; i++) {
        Document d = new Document();
        d.add(new StringField("id", "c" + i, Field.Store.YES));
        d.add(new StringField("scope", i % 3 == 0 ? "out" : "in", Field.Store.NO));
        // Every tenth vector repeats the one before it: exact ties, which go to the lower doc id.
        float[] v = i % 10 == 9 ? lastVector : unit(random);
        lastVector = v;
        d.add(new KnnFloatVectorField(Fields.VECTOR, v, VectorSimilarityFunction.DOT_PRODUCT));
        writer.addDocument(d);
      }
      writer.commit();
      writer.deleteDocuments(new Term("id", "c4"), new Term("id", "c77"), new Term("id", "c120"));
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertTrue(reader.leaves().size() > 1, "several segments");
        IndexSearcher searcher = new IndexSearcher(reader);
        Query scope = new TermQuery(new Term("scope", "in"));
        List<ScopeBitSets.LeafScope> bits = new ScopeBitSets().perLeaf(searcher, scope);
        for (int q = 0; q < 20; q++) {
          float[] query = unit(random);
          // k above the scope's size makes Lucene score every vector in scope too.
          ScoreDoc[] lucene = searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, query, 150, scope), 150).scoreDocs;
          ScoreDoc[] exact = ExactVectorSearch.topK(reader.leaves(), bits, Fields.VECTOR, query, 10);
          assertEquals(10, exact.length);
          assertArrayEquals(docs(lucene, 10), docs(exact, 10), "query " + q);
          for (int i = 0; i < 10; i++) {
            assertEquals(lucene[i].score, exact[i].score, 1e-6f);
          }
        }
        // Fewer in scope than asked for: all of them, none deleted or out of scope.
        ScoreDoc[] all = ExactVectorSearch.topK(reader.leaves(), bits, Fields.VECTOR, unit(random), 1_000);
        assertEquals(100 - 2, all.length, "150 chunks, 100 in scope, c4 and c77 deleted (c120 is out of scope)");
        for (ScoreDoc hit : all) {
          int id = Integer.parseInt(searcher.storedFields().document(hit.doc).get("id").substring(1));
          assertTrue(id % 3 != 0 && id != 4 && id != 77, "c" + id);
        }
      }
    }
  }

  private float[] lastVector;

  private static int[] docs(ScoreDoc[] hits, int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = hits[i].doc;
    }
    return out;
  }

  private static float[] unit(Random random) {
    float[] v = new float[DIM];
    double norm = 0;
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) random.nextGaussian();
      norm += v[i] * v[i];
    }
    for (int i = 0; i < DIM; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }
}
