package dev.egretta.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code _bulk} request being built, and its per-item outcome: Elasticsearch accepts or refuses
 * each action on its own, so the caller maps a refused item to the one document it belongs to.
 */
final class Bulk {
  private static final int MAX_REASON = 240;

  private final StringBuilder lines = new StringBuilder();
  private final List<String> owners = new ArrayList<>();

  /** Indexes (creates or replaces) {@code doc} under {@code id}; {@code owner} names whose action it is. */
  void index(String index, String id, ObjectNode doc, String owner) {
    ObjectNode action = EsHttp.JSON.createObjectNode();
    action.putObject("index").put("_index", index).put("_id", id);
    lines.append(action).append('\n').append(doc).append('\n');
    owners.add(owner);
  }

  void delete(String index, String id, String owner) {
    ObjectNode action = EsHttp.JSON.createObjectNode();
    action.putObject("delete").put("_index", index).put("_id", id);
    lines.append(action).append('\n');
    owners.add(owner);
  }

  boolean isEmpty() {
    return owners.isEmpty();
  }

  int size() {
    return owners.size();
  }

  /** A refused action: whose it was and why. */
  record Failure(String owner, String reason) {}

  /** Sends the actions; returns the refused ones (a delete of a missing id is not a refusal). */
  List<Failure> send(EsHttp http) {
    if (isEmpty()) {
      return List.of();
    }
    JsonNode response = http.postLines("/_bulk", lines.toString());
    List<Failure> failures = new ArrayList<>();
    if (!response.path("errors").asBoolean(false)) {
      return failures;
    }
    JsonNode items = response.path("items");
    for (int i = 0; i < items.size() && i < owners.size(); i++) {
      JsonNode result = items.get(i).elements().next();
      int status = result.path("status").asInt();
      if (status >= 300 && !(status == 404 && items.get(i).has("delete"))) {
        JsonNode error = result.path("error");
        failures.add(new Failure(owners.get(i), shorten(error.path("type").asText("error") + ": "
            + error.path("reason").asText("status " + status))));
      }
    }
    return failures;
  }

  /** A reason short enough for a report line (the cluster quotes whole field values). */
  private static String shorten(String reason) {
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
  }
}
