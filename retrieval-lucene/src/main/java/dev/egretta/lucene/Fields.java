package dev.egretta.lucene;

import dev.egretta.core.Organisation;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.core.spi.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The index schema. Each indexed document is one block: a manifest (what the document is, its
 * content hash and source version) followed by one Lucene document per chunk. All of a block's
 * documents share {@link #KEY} (owner + URI), so replacing a document is one atomic
 * {@code updateDocuments} call.
 */
final class Fields {
  static final String KEY = "doc_key";
  static final String MANIFEST_KEY = "manifest_key";
  static final String KIND = "kind";
  static final String STATUS = "status";
  static final String ID = "id";
  static final String URI = "uri";
  static final String FILENAME = "filename";
  static final String DOMAIN = "domain";
  static final String CATEGORY = "category";
  static final String VISIBILITY = "visibility";
  static final String OWNER = "owner";
  static final String TEXT = "text";
  static final String PASSAGE = "passage";
  static final String HEADING = "heading";
  static final String VECTOR = "vector";
  static final String START_PAGE = "start_page";
  static final String END_PAGE = "end_page";
  /** Where each page of a chunk spanning pages begins in its text: offsets separated by spaces. */
  static final String PAGE_STARTS = "page_starts";
  static final String START_OFFSET = "start_offset";
  static final String END_OFFSET = "end_offset";
  static final String SHA256 = "sha256";
  static final String VERSION = "version";
  static final String PAGES = "pages";
  static final String CHUNKS = "chunks";
  static final String TITLE = "title";
  static final String TRUNCATED = "truncated";
  static final String REASON = "reason";
  static final String TEXT_HASH = "text_hash";

  static final String KIND_CHUNK = "chunk";
  static final String KIND_MANIFEST = "doc";
  static final String STATUS_INDEXED = "indexed";
  static final String STATUS_REJECTED = "rejected";
  static final String PUBLIC = "public";
  static final String PRIVATE = "private";

  private Fields() {}

  static String key(Optional<Organisation> owner, String uri) {
    return owner.map(Organisation::id).orElse("") + "\u0001" + uri;
  }

  static Term keyTerm(Optional<Organisation> owner, String uri) {
    return new Term(KEY, key(owner, uri));
  }

  static Term manifestTerm(Optional<Organisation> owner, String uri) {
    return new Term(MANIFEST_KEY, key(owner, uri));
  }

  /** The documents a block consists of: manifest first, then the chunks. */
  static List<Document> block(
      SourceDocument source, Optional<Organisation> owner, String sha256, ExtractedText text,
      List<Chunk> chunks, List<float[]> vectors) {
    List<Document> docs = new ArrayList<>(chunks.size() + 1);
    Document manifest = manifest(source, owner, sha256, STATUS_INDEXED, "");
    manifest.add(new StoredField(PAGES, text.pageCount()));
    manifest.add(new StoredField(CHUNKS, chunks.size()));
    manifest.add(new StoredField(TITLE, text.title()));
    manifest.add(new StoredField(TRUNCATED, text.truncated() ? 1 : 0));
    docs.add(manifest);
    String idPrefix = owner.map(o -> o.id() + ":").orElse("") + source.uri() + "#";
    for (int i = 0; i < chunks.size(); i++) {
      Chunk c = chunks.get(i);
      Document d = common(source, owner, KIND_CHUNK);
      d.add(new StringField(ID, idPrefix + c.ordinal(), Field.Store.YES));
      d.add(new TextField(TEXT, c.indexText(), Field.Store.NO));
      d.add(new StoredField(PASSAGE, c.text()));
      d.add(new StoredField(HEADING, c.heading()));
      // 0 = the format has no pages (Word, HTML, Markdown, text): sources then carry page_number null
      d.add(new StoredField(START_PAGE, text.paged() ? c.startPage() : 0));
      d.add(new StoredField(END_PAGE, text.paged() ? c.endPage() : 0));
      d.add(new StoredField(START_OFFSET, c.startOffset()));
      d.add(new StoredField(END_OFFSET, c.endOffset()));
      if (text.paged() && !c.pageStarts().isEmpty()) {
        d.add(new StoredField(PAGE_STARTS, PageStarts.format(c.pageStarts())));
      }
      d.add(new StoredField(SHA256, sha256));
      d.add(new StringField(TEXT_HASH, textHash(c.indexText()), Field.Store.NO));
      d.add(new KnnFloatVectorField(VECTOR, vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
      docs.add(d);
    }
    return docs;
  }

  /** A manifest recording that a document was rejected, so an unchanged file is not parsed again. */
  static Document rejected(SourceDocument source, Optional<Organisation> owner, String sha256, String reason) {
    Document d = manifest(source, owner, sha256, STATUS_REJECTED, reason);
    d.add(new StoredField(REASON, reason));
    return d;
  }

  private static Document manifest(
      SourceDocument source, Optional<Organisation> owner, String sha256, String status, String reason) {
    Document d = common(source, owner, KIND_MANIFEST);
    d.add(new StringField(MANIFEST_KEY, key(owner, source.uri()), Field.Store.NO));
    d.add(new StringField(STATUS, status, Field.Store.YES));
    d.add(new StoredField(SHA256, sha256));
    d.add(new BinaryDocValuesField(VERSION, new BytesRef(source.version())));
    return d;
  }

  private static Document common(SourceDocument source, Optional<Organisation> owner, String kind) {
    Document d = new Document();
    d.add(new StringField(KEY, key(owner, source.uri()), Field.Store.NO));
    d.add(new StringField(KIND, kind, Field.Store.YES));
    d.add(new StringField(URI, source.uri(), Field.Store.YES));
    d.add(new StoredField(FILENAME, source.filename()));
    d.add(new StringField(DOMAIN, source.domain(), Field.Store.YES));
    d.add(new StringField(CATEGORY, source.category(), Field.Store.YES));
    d.add(new StringField(VISIBILITY, owner.isPresent() ? PRIVATE : PUBLIC, Field.Store.YES));
    d.add(new StringField(OWNER, owner.map(Organisation::id).orElse(""), Field.Store.YES));
    return d;
  }

  /** Identifies a chunk's embedded text, so that identical text is never embedded twice. */
  static String textHash(String indexText) {
    return IngestPlan.sha256(indexText.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32);
  }

  /** The filter every search applies inside its query. */
  static Query scopeFilter(SearchScope scope) {
    BooleanQuery.Builder who = new BooleanQuery.Builder();
    if (scope.includePublic()) {
      who.add(new TermQuery(new Term(VISIBILITY, PUBLIC)), Occur.SHOULD);
    }
    scope.privateOf().ifPresent(org -> who.add(new BooleanQuery.Builder()
        .add(new TermQuery(new Term(VISIBILITY, PRIVATE)), Occur.FILTER)
        .add(new TermQuery(new Term(OWNER, org.id())), Occur.FILTER)
        .build(), Occur.SHOULD));
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(KIND, KIND_CHUNK)), Occur.FILTER)
        .add(new TermQuery(new Term(DOMAIN, scope.domain())), Occur.FILTER)
        .add(new TermQuery(new Term(CATEGORY, scope.category())), Occur.FILTER)
        .add(who.setMinimumNumberShouldMatch(1).build(), Occur.FILTER)
        .build();
  }

  /** Manifests of indexed documents of one owner (empty = the public library). */
  static Query manifestsOf(Optional<Organisation> owner, boolean indexedOnly) {
    BooleanQuery.Builder b = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(KIND, KIND_MANIFEST)), Occur.FILTER)
        .add(new TermQuery(new Term(OWNER, owner.map(Organisation::id).orElse(""))), Occur.FILTER)
        .add(new TermQuery(new Term(VISIBILITY, owner.isPresent() ? PRIVATE : PUBLIC)), Occur.FILTER);
    if (indexedOnly) {
      b.add(new TermQuery(new Term(STATUS, STATUS_INDEXED)), Occur.FILTER);
    }
    return b.build();
  }
}
