package dev.egretta.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egretta.core.ConfigurationException;
import dev.egretta.lucene.BackendParts;
import java.nio.charset.StandardCharsets;

/**
 * The two indices: chunks (BM25 terms analysed by Egretta into a whitespace field, the vector, the
 * page-accurate fields shown in sources) and documents (one manifest per document: status, SHA-256,
 * source version). Mappings are strict, so a stray field is an error rather than a silent guess.
 * The chunk index records the embedding model in its {@code _meta}: an index built with one model is
 * never searched with another.
 */
final class IndexSchema {
  static final String DOC_KEY = "doc_key";
  static final String CHUNK_ID = "chunk_id";
  static final String URI = "uri";
  static final String FILENAME = "filename";
  static final String DOMAIN = "domain";
  static final String CATEGORY = "category";
  static final String VISIBILITY = "visibility";
  static final String OWNER = "owner";
  static final String TERMS = "terms";
  static final String PASSAGE = "passage";
  static final String HEADING = "heading";
  static final String VECTOR = "vector";
  static final String ORDINAL = "ordinal";
  static final String START_PAGE = "start_page";
  /** Where each page of a passage spanning pages begins in its text (absent on one page), so citations name the exact page. */
  static final String PAGE_STARTS = "page_starts";
  static final String END_PAGE = "end_page";
  static final String START_OFFSET = "start_offset";
  static final String END_OFFSET = "end_offset";
  static final String SHA256 = "sha256";
  static final String STATUS = "status";
  static final String VERSION = "version";
  static final String TITLE = "title";
  static final String PAGES = "pages";
  static final String CHUNKS = "chunks";
  static final String TRUNCATED = "truncated";
  static final String REASON = "reason";

  static final String PUBLIC = "public";
  static final String PRIVATE = "private";
  static final String INDEXED = "indexed";
  static final String REJECTED = "rejected";
  private static final String SIMILARITY = "egretta_bm25";
  /** Elasticsearch's limit on an {@code _id}, in UTF-8 bytes. */
  private static final int MAX_ID_BYTES = 512;

  private IndexSchema() {}

  /** Identity of a document: owner (empty for the public library) and URI. */
  static String docKey(java.util.Optional<dev.egretta.core.Organisation> owner, String uri) {
    return owner.map(dev.egretta.core.Organisation::id).orElse("") + " " + uri;
  }

  /** The chunk id Egretta shows: {@code [org:]<uri>#<n>}, as in the Lucene index. */
  static String chunkId(java.util.Optional<dev.egretta.core.Organisation> owner, String uri, int ordinal) {
    return owner.map(o -> o.id() + ":").orElse("") + uri + "#" + ordinal;
  }

  /** An {@code _id} for a key: the key itself, or its SHA-256 when longer than Elasticsearch allows. */
  static String esId(String key) {
    if (key.getBytes(StandardCharsets.UTF_8).length <= MAX_ID_BYTES) {
      return key;
    }
    return "sha256:" + BackendParts.sha256(key.getBytes(StandardCharsets.UTF_8));
  }

  static ObjectNode chunkIndex(ElasticsearchConfig config, SearchDialect dialect, BackendParts parts) {
    int dimension = parts.dimension();
    String modelId = parts.embeddingModelId();
    ObjectNode body = EsHttp.JSON.createObjectNode();
    ObjectNode index = body.putObject("settings").putObject("index");
    index.put("number_of_shards", config.shards()).put("number_of_replicas", config.replicas());
    index.putObject("similarity").putObject(SIMILARITY).put("type", "BM25")
        .put("k1", config.bm25K1().orElse(parts.bm25K1())).put("b", config.bm25B().orElse(parts.bm25B()));
    ObjectNode mappings = body.putObject("mappings");
    mappings.put("dynamic", "strict");
    mappings.putObject("_meta").put("embedding_model", modelId).put("dimension", dimension);
    ObjectNode p = mappings.putObject("properties");
    for (String k : new String[] {DOC_KEY, CHUNK_ID, URI, DOMAIN, CATEGORY, VISIBILITY, OWNER, SHA256}) {
      p.putObject(k).put("type", "keyword");
    }
    p.putObject(FILENAME).put("type", "keyword").put("index", false).put("doc_values", false);
    // positions for BM25's proximity clauses (indexes made before 2026-12-07 hold frequencies only)
    p.putObject(TERMS).put("type", "text").put("analyzer", "whitespace").put("similarity", SIMILARITY)
        .put("index_options", "positions");
    p.putObject(PASSAGE).put("type", "text").put("index", false);
    p.putObject(HEADING).put("type", "text").put("index", false);
    for (String k : new String[] {ORDINAL, START_PAGE, END_PAGE, START_OFFSET, END_OFFSET, PAGE_STARTS}) {
      p.putObject(k).put("type", "integer").put("index", false);
    }
    p.set(VECTOR, dialect.vectorField(dimension, config.pipeline().int8Quantization()));
    return body;
  }

  static ObjectNode documentsIndex(ElasticsearchConfig config) {
    ObjectNode body = EsHttp.JSON.createObjectNode();
    body.putObject("settings").putObject("index").put("number_of_shards", 1).put("number_of_replicas", config.replicas());
    ObjectNode mappings = body.putObject("mappings");
    mappings.put("dynamic", "strict");
    ObjectNode p = mappings.putObject("properties");
    for (String k : new String[] {DOC_KEY, URI, DOMAIN, CATEGORY, VISIBILITY, OWNER, STATUS, SHA256}) {
      p.putObject(k).put("type", "keyword");
    }
    for (String k : new String[] {FILENAME, VERSION, TITLE, REASON}) {
      p.putObject(k).put("type", "keyword").put("index", false).put("doc_values", false);
    }
    p.putObject(PAGES).put("type", "integer").put("index", false);
    p.putObject(CHUNKS).put("type", "integer").put("index", false);
    p.putObject(TRUNCATED).put("type", "boolean").put("index", false);
    return body;
  }

  /**
   * Creates both indices when absent; when present, checks that they are Egretta's and built with this
   * embedding model, else fails with one line naming the conflict and the fix.
   *
   * @return whether the chunk index holds term positions, which BM25's proximity clauses need: an index
   *     made before 2026-12-07 holds frequencies only and is searched bag-of-words until it is rebuilt
   */
  static boolean ensure(EsHttp http, ElasticsearchConfig config, SearchDialect dialect, BackendParts parts) {
    boolean positions = true;
    int dimension = parts.dimension();
    String modelId = parts.embeddingModelId();
    String chunks = config.index();
    if (!http.exists("/" + chunks)) {
      create(http, chunks, chunkIndex(config, dialect, parts));
    } else {
      JsonNode mapping = http.get("/" + chunks + "/_mapping").path(chunks).path("mappings");
      String conflict = chunkConflict(mapping, dialect, dimension, modelId, config.pipeline().int8Quantization());
      if (conflict != null) {
        throw new ConfigurationException("the index " + chunks + " at " + http.where() + " " + conflict
            + ": choose another index with --es-index, or delete it (DELETE /" + chunks + " and /" + config.documentsIndex()
            + ") and index again");
      }
      positions = termPositions(mapping);
      if (mapping.path("properties").path(PAGE_STARTS).isMissingNode()) {
        // An index made before page_starts existed: adding a field is allowed under the strict mapping.
        // Its chunks cite their start page until their document is indexed again.
        ObjectNode field = EsHttp.JSON.createObjectNode();
        field.putObject("properties").putObject(PAGE_STARTS).put("type", "integer").put("index", false);
        http.put("/" + chunks + "/_mapping", field);
      }
    }
    String docs = config.documentsIndex();
    if (!http.exists("/" + docs)) {
      create(http, docs, documentsIndex(config));
    } else {
      JsonNode mapping = http.get("/" + docs + "/_mapping").path(docs).path("mappings");
      if (!"keyword".equals(mapping.path("properties").path(STATUS).path("type").asText())) {
        throw new ConfigurationException("the index " + docs + " at " + http.where() + " is not an Egretta documents index"
            + " (mapping conflict): choose another index with --es-index");
      }
    }
    return positions;
  }

  /** Whether the chunk index's {@code terms} field holds positions (a text field does unless told otherwise). */
  static boolean termPositions(JsonNode mapping) {
    String options = mapping.path("properties").path(TERMS).path("index_options").asText("positions");
    return options.equals("positions") || options.equals("offsets");
  }

  private static String chunkConflict(JsonNode mapping, SearchDialect dialect, int dimension, String modelId, boolean int8) {
    JsonNode props = mapping.path("properties");
    if (!"whitespace".equals(props.path(TERMS).path("analyzer").asText()) || props.path(VECTOR).isMissingNode()) {
      return "is not an Egretta chunk index (mapping conflict: no whitespace-analysed '" + TERMS + "' or no '" + VECTOR + "' field)";
    }
    String model = mapping.path("_meta").path("embedding_model").asText("");
    if (!model.equals(modelId)) {
      return "was built with the embedding model '" + model + "', not '" + modelId + "'";
    }
    if (!dialect.vectorFieldMatches(props.path(VECTOR), dimension, int8)) {
      return "has a vector field that does not fit (mapping conflict: " + props.path(VECTOR) + "; expected " + dimension
          + " dimensions, dot_product, " + (int8 ? "int8_hnsw" : "hnsw") + ")";
    }
    return null;
  }

  private static void create(EsHttp http, String name, ObjectNode body) {
    try {
      http.put("/" + name, body);
    } catch (EsRequestException e) {
      // Another process created it meanwhile: the check on the next open covers its mapping.
      if (e.status() != 400 || !e.getMessage().contains("already exists")) {
        throw e;
      }
    }
  }
}
