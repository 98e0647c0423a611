package dev.egretta.elasticsearch;

import static dev.egretta.elasticsearch.IndexSchema.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.BackendParts;
import dev.egretta.lucene.ExplainedPassage;
import dev.egretta.lucene.RetrieverKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BM25 and kNN in one {@code _msearch} round trip, both filtered by the scope inside the query; the two
 * lists are fused in Egretta ({@link BackendParts#fuse}) and scored with the same calibration as the
 * Lucene backend; the winners' text, pages and vectors come in one {@code _mget}.
 */
final class EsSearcher {
  private static final int ATTEMPTS = 4;
  private static final long BACKOFF_MILLIS = 100;

  private final EsHttp http;
  private final BackendParts parts;
  private final ElasticsearchConfig config;
  private final SearchDialect dialect;
  /** Whether the index holds term positions; without them BM25 stays bag-of-words (no proximity clauses). */
  private final boolean termPositions;

  EsSearcher(EsHttp http, BackendParts parts, ElasticsearchConfig config, SearchDialect dialect, boolean termPositions) {
    this.http = http;
    this.parts = parts;
    this.config = config;
    this.dialect = dialect;
    this.termPositions = termPositions;
  }

  List<ExplainedPassage> search(String text, SearchScope scope, int limit, RetrieverKind kind) {
    int depth = Math.max(limit, config.pipeline().searchDepth());
    ObjectNode filter = Filters.scope(scope);
    float[] queryVector = parts.embedQuery(text);
    BackendParts.QueryTermsAndPairs query = kind == RetrieverKind.DENSE
        ? new BackendParts.QueryTermsAndPairs(List.of(), List.of()) : parts.queryTermsWithPairs(text);
    List<String> terms = query.terms();
    StringBuilder lines = new StringBuilder();
    ObjectNode header = EsHttp.JSON.createObjectNode().put("index", config.index());
    if (config.shards() > 1) {
      header.put("search_type", "dfs_query_then_fetch"); // global BM25 statistics, as one Lucene index has
    }
    boolean lexical = !terms.isEmpty();
    boolean dense = kind != RetrieverKind.BM25;
    if (lexical) {
      lines.append(header).append('\n').append(bm25(terms, proximity(query.proximityPairs()), filter, depth)).append('\n');
    }
    if (dense) {
      int candidates = config.knnCandidates() > 0 ? config.knnCandidates() : Math.min(10_000, 2 * depth);
      lines.append(header).append('\n').append(dialect.knnSearch(VECTOR, queryVector, depth, candidates, filter)).append('\n');
    }
    if (lines.isEmpty()) {
      return List.of();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return searchOnce(lines.toString(), lexical, dense, limit, queryVector);
      } catch (EsRequestException e) {
        if (!transientFailure(e) || attempt == ATTEMPTS) {
          throw e;
        }
        pause(BACKOFF_MILLIS << (attempt - 1));
      }
    }
  }

  private List<ExplainedPassage> searchOnce(String lines, boolean lexical, boolean dense, int limit, float[] queryVector) {
    JsonNode responses = http.postLines("/_msearch", lines).path("responses");
    List<BackendParts.Hit> bm25Hits = lexical ? hits(responses.get(0)) : List.of();
    List<BackendParts.Hit> knnHits = dense ? hits(responses.get(lexical ? 1 : 0)) : List.of();
    List<BackendParts.Fused> fused = parts.fuse(bm25Hits, knnHits);
    if (fused.size() > limit) {
      fused = fused.subList(0, limit);
    }
    return passages(fused, queryVector);
  }

  /**
   * A node that dies between the query and the fetch phase fails that search ("disconnected") though its
   * replicas are live; so do shards still recovering. Searches are reads, so they are simply run again.
   */
  private static boolean transientFailure(EsRequestException e) {
    return e.status() >= 500 || e.status() == 429;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EsRequestException(503, "interrupted while retrying a search", e);
    }
  }

  /**
   * The proximity clauses, as the Lucene searcher makes them: for each two adjacent question terms a phrase
   * within the configured slop (either order), weighted by the configured proximity weight; none when the
   * weight is 0 or the index holds no positions.
   */
  private List<ObjectNode> proximity(List<List<String>> pairs) {
    double weight = config.pipeline().bm25Proximity();
    if (!termPositions || weight <= 0) {
      return List.of();
    }
    List<ObjectNode> clauses = new ArrayList<>(pairs.size());
    for (List<String> pair : pairs) {
      ObjectNode phrase = EsHttp.JSON.createObjectNode();
      phrase.putObject("match_phrase").putObject(TERMS).put("query", pair.get(0) + " " + pair.get(1))
          .put("slop", config.pipeline().bm25ProximitySlop()).put("boost", weight);
      clauses.add(phrase);
    }
    return clauses;
  }

  private static ObjectNode bm25(List<String> terms, List<ObjectNode> proximity, ObjectNode filter, int depth) {
    ObjectNode body = EsHttp.JSON.createObjectNode();
    body.put("size", depth).put("_source", false).put("track_total_hits", false);
    ObjectNode bool = body.putObject("query").putObject("bool");
    ArrayNode should = bool.putArray("should");
    for (String t : terms) {
      should.addObject().putObject("term").put(TERMS, t); // duplicates kept: bag of words, as in Lucene
    }
    proximity.forEach(should::add);
    bool.put("minimum_should_match", 1);
    bool.putArray("filter").add(filter);
    return body;
  }

  private List<BackendParts.Hit> hits(JsonNode response) {
    if (response.has("error")) {
      JsonNode error = response.path("error");
      throw new EsRequestException(response.path("status").asInt(500), "Elasticsearch at " + http.where()
          + " failed a search: " + error.path("root_cause").path(0).path("reason").asText(error.toString()), null);
    }
    List<BackendParts.Hit> out = new ArrayList<>();
    for (JsonNode h : response.path("hits").path("hits")) {
      out.add(new BackendParts.Hit(h.path("_id").asText(), h.path("_score").asDouble()));
    }
    return out;
  }

  private List<ExplainedPassage> passages(List<BackendParts.Fused> fused, float[] queryVector) {
    if (fused.isEmpty()) {
      return List.of();
    }
    ObjectNode body = EsHttp.JSON.createObjectNode();
    ArrayNode ids = body.putArray("ids");
    fused.forEach(f -> ids.add(f.id()));
    JsonNode docs = http.post("/" + config.index() + "/_mget?_source_excludes=" + TERMS, body).path("docs");
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode d : docs) {
      if (d.has("error")) { // a shard copy lost mid-request: transient, unlike a document deleted meanwhile
        throw new EsRequestException(503, "Elasticsearch at " + http.where() + " failed to fetch passage " + d.path("_id").asText()
            + ": " + d.path("error").path("reason").asText(d.path("error").toString()), null);
      }
      if (d.path("found").asBoolean()) {
        byId.put(d.path("_id").asText(), d.path("_source"));
      }
    }
    List<ExplainedPassage> out = new ArrayList<>();
    double cap = 1.0;
    for (BackendParts.Fused f : fused) {
      JsonNode s = byId.get(f.id());
      if (s == null) {
        continue; // deleted between the search and the fetch
      }
      double cosine = dot(queryVector, s.path(VECTOR));
      cap = Math.min(cap, config.pipeline().calibration().score(cosine));
      RetrievedPassage p = new RetrievedPassage(s.path(CHUNK_ID).asText(), s.path(URI).asText(), s.path(FILENAME).asText(),
          s.path(START_PAGE).asInt(), s.path(END_PAGE).asInt(), s.path(HEADING).asText(""), s.path(PASSAGE).asText(),
          PRIVATE.equals(s.path(VISIBILITY).asText()), Math.max(0.0, Math.min(1.0, cap)), f.lexicalRank(), f.denseRank(),
          pageStarts(s.path(PAGE_STARTS)));
      out.add(new ExplainedPassage(p, cosine, f.lexicalRank(), f.denseRank(), f.score()));
    }
    return out;
  }

  private static List<Integer> pageStarts(JsonNode starts) {
    List<Integer> out = new ArrayList<>();
    starts.forEach(n -> out.add(n.asInt()));
    return out;
  }

  private static double dot(float[] q, JsonNode v) {
    if (!v.isArray() || v.size() != q.length) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < q.length; i++) {
      sum += q[i] * (float) v.get(i).asDouble();
    }
    return sum;
  }
}
