package dev.egretta.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Every hit of a query, page by page ({@code search_after} on a unique keyword field), without a scroll context. */
final class Scan {
  private static final int PAGE = 1000;

  private Scan() {}

  /**
   * The hits ({@code _id} and the requested {@code _source} fields) of {@code query} in {@code index},
   * ordered by {@code uniqueField}.
   */
  static List<JsonNode> all(EsHttp http, String index, JsonNode query, String uniqueField, String... sourceFields) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode after = null;
    while (true) {
      ObjectNode body = EsHttp.JSON.createObjectNode();
      body.put("size", PAGE).put("track_total_hits", false);
      body.set("query", query);
      body.putArray("sort").add(uniqueField);
      if (sourceFields.length == 0) {
        body.put("_source", false);
      } else {
        var src = body.putArray("_source");
        for (String f : sourceFields) {
          src.add(f);
        }
      }
      if (after != null) {
        body.set("search_after", after);
      }
      JsonNode hits = http.post("/" + index + "/_search", body).path("hits").path("hits");
      for (JsonNode h : hits) {
        out.add(h);
      }
      if (hits.size() < PAGE) {
        return out;
      }
      after = hits.get(hits.size() - 1).path("sort");
    }
  }
}
