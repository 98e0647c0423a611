package dev.egretta.lucene;

import dev.egretta.core.Organisation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.DocIdSetIterator;

/** What the index records about one document (indexed or rejected), read from its manifest. */
record Manifest(
    String uri, String filename, String domain, String category, Optional<Organisation> owner,
    String status, String sha256, String version, String title, int pages, int chunks,
    boolean truncated, String reason) {

  private static final Set<String> STORED = Set.of(
      Fields.URI, Fields.FILENAME, Fields.DOMAIN, Fields.CATEGORY, Fields.OWNER, Fields.STATUS,
      Fields.SHA256, Fields.TITLE, Fields.PAGES, Fields.CHUNKS, Fields.TRUNCATED, Fields.REASON);

  boolean indexed() {
    return Fields.STATUS_INDEXED.equals(status);
  }

  IndexedDocument toIndexedDocument() {
    return new IndexedDocument(uri, filename, domain, category, owner, title, pages, chunks, sha256, truncated);
  }

  /** Every manifest matching {@code query}, in index order. */
  static List<Manifest> read(IndexSearcher searcher, Query query) {
    List<Manifest> out = new ArrayList<>();
    try {
      Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        StoredFields stored = leaf.reader().storedFields();
        BinaryDocValues versions = leaf.reader().getBinaryDocValues(Fields.VERSION);
        DocIdSetIterator it = scorer.iterator();
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
          if (leaf.reader().getLiveDocs() != null && !leaf.reader().getLiveDocs().get(doc)) {
            continue;
          }
          String version = "";
          if (versions != null && versions.advanceExact(doc)) {
            version = versions.binaryValue().utf8ToString();
          }
          out.add(of(stored.document(doc, STORED), version));
        }
      }
    } catch (IOException e) {
      throw new dev.egretta.core.EgrettaException("cannot read the index: " + e.getMessage(), e);
    }
    return out;
  }

  private static Manifest of(Document d, String version) {
    String owner = d.get(Fields.OWNER);
    return new Manifest(
        d.get(Fields.URI), d.get(Fields.FILENAME), d.get(Fields.DOMAIN), d.get(Fields.CATEGORY),
        owner == null || owner.isEmpty() ? Optional.empty() : Optional.of(Organisation.of(owner)),
        d.get(Fields.STATUS), nz(d.get(Fields.SHA256)), version, nz(d.get(Fields.TITLE)),
        intOf(d, Fields.PAGES), intOf(d, Fields.CHUNKS), intOf(d, Fields.TRUNCATED) == 1, nz(d.get(Fields.REASON)));
  }

  private static int intOf(Document d, String field) {
    var f = d.getField(field);
    return f == null || f.numericValue() == null ? 0 : f.numericValue().intValue();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
