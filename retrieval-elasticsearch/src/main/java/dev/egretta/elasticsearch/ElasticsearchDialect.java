package dev.egretta.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Elasticsearch 8.x: {@code dense_vector} with explicit {@code index_options}, and the top-level {@code knn} search. */
final class ElasticsearchDialect implements SearchDialect {
  /** HNSW graph parameters as Lucene's defaults, so both backends build alike graphs. */
  private static final int M = 16;
  private static final int EF_CONSTRUCTION = 100;

  @Override
  public ObjectNode vectorField(int dimension, boolean int8) {
    ObjectNode f = EsHttp.JSON.createObjectNode();
    f.put("type", "dense_vector").put("dims", dimension).put("index", true).put("similarity", "dot_product");
    f.putObject("index_options").put("type", int8 ? "int8_hnsw" : "hnsw").put("m", M).put("ef_construction", EF_CONSTRUCTION);
    return f;
  }

  @Override
  public boolean vectorFieldMatches(JsonNode mapping, int dimension, boolean int8) {
    return "dense_vector".equals(mapping.path("type").asText())
        && mapping.path("dims").asInt() == dimension
        && "dot_product".equals(mapping.path("similarity").asText())
        && (int8 ? "int8_hnsw" : "hnsw").equals(mapping.path("index_options").path("type").asText());
  }

  @Override
  public ObjectNode knnSearch(String field, float[] vector, int k, int candidates, JsonNode filter) {
    ObjectNode body = EsHttp.JSON.createObjectNode();
    body.put("size", k).put("_source", false).put("track_total_hits", false);
    ObjectNode knn = body.putObject("knn");
    knn.put("field", field).put("k", k).put("num_candidates", Math.max(k, candidates));
    ArrayNode v = knn.putArray("query_vector");
    for (float x : vector) {
      v.add(x);
    }
    knn.set("filter", filter);
    return body;
  }
}
