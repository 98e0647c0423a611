package dev.egretta.elasticsearch;

import static dev.egretta.elasticsearch.IndexSchema.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egretta.lucene.BackendParts;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;

/**
 * Bench helper, not the ingestion path: copies the public chunks of a finished Lucene index (text, pages and
 * the stored vectors) into a cluster index with {@code _bulk}, as {@code ChunkWriter} would write them, so
 * that a large BEIR corpus can be searched through the Elasticsearch backend without embedding it a second
 * time on a loaded machine. Same chunks, same vectors, same analysed terms: what it compares is the search.
 * No manifests are written, so an ingestion run over such an index would index everything again.
 */
final class LuceneTransplant {
  private LuceneTransplant() {}

  /** Copies every chunk of {@code luceneIndex} into {@code store}'s chunk index; returns how many. */
  static int copy(Path luceneIndex, EsHttp http, String chunkIndex, BackendParts parts, int bulkSize) throws IOException {
    int copied = 0;
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(luceneIndex))) {
      Bulk bulk = new Bulk();
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        FloatVectorValues vectors = leaf.reader().getFloatVectorValues("vector");
        KnnVectorValues.DocIndexIterator it = vectors.iterator();
        for (int doc = it.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
          if (leaf.reader().getLiveDocs() != null && !leaf.reader().getLiveDocs().get(doc)) {
            continue;
          }
          Document d = stored.document(doc);
          bulk.index(chunkIndex, esId(d.get("id")), chunkJson(d, vectors.vectorValue(it.index()), parts), d.get("uri"));
          copied++;
          if (bulk.size() >= bulkSize) {
            send(bulk, http);
            bulk = new Bulk();
          }
        }
      }
      send(bulk, http);
    }
    http.post("/" + chunkIndex + "/_refresh", null);
    return copied;
  }

  private static ObjectNode chunkJson(Document d, float[] vector, BackendParts parts) {
    String id = d.get("id");
    String text = d.get("passage");
    String heading = d.get("heading");
    String indexText = heading.isEmpty() || text.startsWith(heading) ? text : heading + "\n" + text; // Chunk.indexText
    ObjectNode j = EsHttp.JSON.createObjectNode();
    j.put(DOC_KEY, d.get("uri")).put(CHUNK_ID, id).put(URI, d.get("uri")).put(FILENAME, d.get("filename"))
        .put(DOMAIN, d.get("domain")).put(CATEGORY, d.get("category")).put(VISIBILITY, d.get("visibility"))
        .put(OWNER, d.get("owner")).put(TERMS, parts.indexTerms(indexText)).put(PASSAGE, text).put(HEADING, heading)
        .put(ORDINAL, Integer.parseInt(id.substring(id.lastIndexOf('#') + 1)))
        .put(START_PAGE, d.getField("start_page").numericValue().intValue())
        .put(END_PAGE, d.getField("end_page").numericValue().intValue())
        .put(START_OFFSET, d.getField("start_offset").numericValue().intValue())
        .put(END_OFFSET, d.getField("end_offset").numericValue().intValue()).put(SHA256, d.get("sha256"));
    ArrayNode v = j.putArray(VECTOR);
    for (float x : vector) {
      v.add(x);
    }
    return j;
  }

  private static void send(Bulk bulk, EsHttp http) {
    var failures = bulk.send(http);
    if (!failures.isEmpty()) {
      throw new IllegalStateException(failures.size() + " chunks refused, e.g. " + failures.getFirst().reason());
    }
  }
}
