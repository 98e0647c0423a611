package dev.egretta.bench.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.VectorUtil;

/**
 * Exact (brute-force) top-k by dot product over every full-precision vector of an index: the ground
 * truth that kNN recall is measured against. Reads the index with plain Lucene; one pass over the
 * vectors serves all queries.
 */
public final class ExactSearch {
  private ExactSearch() {}

  /** For each query, the stored {@code idField} values of its exact top {@code k}. */
  public static List<Set<String>> topK(Path indexDir, String vectorField, String idField, List<float[]> queries, int k)
      throws IOException {
    int q = queries.size();
    List<PriorityQueue<long[]>> heaps = new ArrayList<>(q);
    for (int j = 0; j < q; j++) {
      heaps.add(new PriorityQueue<>(k + 1, (a, b) -> Float.compare(Float.intBitsToFloat((int) a[0]), Float.intBitsToFloat((int) b[0]))));
    }
    List<Set<String>> out = new ArrayList<>(q);
    try (FSDirectory dir = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(vectorField);
        if (values == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        KnnVectorValues.DocIndexIterator it = values.iterator();
        for (int doc = it.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          float[] v = values.vectorValue(it.index());
          long global = leaf.docBase + doc;
          for (int j = 0; j < q; j++) {
            float s = VectorUtil.dotProduct(v, queries.get(j));
            PriorityQueue<long[]> h = heaps.get(j);
            if (h.size() < k) {
              h.add(new long[] {Float.floatToIntBits(s), global});
            } else if (s > Float.intBitsToFloat((int) h.peek()[0])) {
              h.poll();
              h.add(new long[] {Float.floatToIntBits(s), global});
            }
          }
        }
      }
      var stored = reader.storedFields();
      for (PriorityQueue<long[]> h : heaps) {
        Set<String> ids = new HashSet<>();
        for (long[] e : h) {
          ids.add(stored.document((int) e[1], Set.of(idField)).get(idField));
        }
        out.add(ids);
      }
    }
    return out;
  }

  /** |found ∩ truth| / |truth| (1 when the truth is empty). */
  public static double recall(Set<String> truth, List<String> found) {
    if (truth.isEmpty()) {
      return 1.0;
    }
    int hit = 0;
    for (String f : found) {
      if (truth.contains(f)) {
        hit++;
      }
    }
    return (double) hit / truth.size();
  }
}
