package dev.egretta.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What differs between engines that speak the Elasticsearch REST API: how a vector field is mapped and
 * how a filtered kNN search is written. Everything else (BM25 with a custom similarity, {@code _bulk},
 * {@code _msearch}, {@code _mget}, term filters) is common, so an OpenSearch variant is one more
 * implementation (its {@code knn_vector} field and {@code knn} query with a {@code filter}).
 */
interface SearchDialect {
  /** The mapping of the vector field: unit vectors compared by dot product, HNSW, float or int8. */
  ObjectNode vectorField(int dimension, boolean int8);

  /** Whether an existing index's vector field mapping fits {@code dimension} and the quantisation. */
  boolean vectorFieldMatches(JsonNode mapping, int dimension, boolean int8);

  /**
   * A search body that returns the {@code k} nearest chunks to {@code vector} among those matching
   * {@code filter} (the filter applied inside the graph search, not afterwards); ids and scores only.
   * Scores must grow with the dot product.
   */
  ObjectNode knnSearch(String field, float[] vector, int k, int candidates, JsonNode filter);
}
