package dev.egretta.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/** Reads stored (full-precision) chunk vectors back from the index. */
final class VectorReader {
  private VectorReader() {}

  /** The vector of one document by its top-level doc id, or null when it has none. */
  static float[] read(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
    if (values == null) {
      return null;
    }
    int local = doc - leaf.docBase;
    KnnVectorValues.DocIndexIterator it = values.iterator();
    if (it.advance(local) != local) {
      return null;
    }
    return values.vectorValue(it.index()).clone();
  }

  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
