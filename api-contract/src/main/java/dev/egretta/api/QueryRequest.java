package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The body of {@code POST /v1/query/} exactly as a client sent it: every field may be absent
 * ({@code null}) and is checked by {@link RequestValidator}, which yields a {@link ValidatedQuery}.
 * {@code model} is the alias Egret's own example uses for {@code model_id}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"query", "domain", "category", "mode", "model_id", "model", "knowledge_scope", "stream", "session_id"})
public record QueryRequest(
    @JsonProperty("query") String query,
    @JsonProperty("domain") String domain,
    @JsonProperty("category") String category,
    @JsonProperty("mode") String mode,
    @JsonProperty("model_id") String modelId,
    @JsonProperty("model") String model,
    @JsonProperty("knowledge_scope") String knowledgeScope,
    @JsonProperty("stream") Boolean stream,
    @JsonProperty("session_id") String sessionId) {

  /** A request with the four required fields and nothing else. */
  public static QueryRequest of(String query, String domain, String category, String mode) {
    return new QueryRequest(query, domain, category, mode, null, null, null, null, null);
  }

  /** This request continuing the given session. */
  public QueryRequest withSessionId(String id) {
    return new QueryRequest(query, domain, category, mode, modelId, model, knowledgeScope, stream, id);
  }

  /** This request with the given knowledge scope wire value. */
  public QueryRequest withKnowledgeScope(String scope) {
    return new QueryRequest(query, domain, category, mode, modelId, model, scope, stream, sessionId);
  }
}
