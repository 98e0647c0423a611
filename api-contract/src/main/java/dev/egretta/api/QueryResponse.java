package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The answer to {@code POST /v1/query/}: Markdown with {@code [Source N]} references and everything around it. */
@JsonPropertyOrder({"response", "sources", "suggestions", "context_quality", "usage", "performance", "session_id", "message_id"})
public record QueryResponse(
    @JsonProperty("response") String response,
    @JsonProperty("sources") List<Source> sources,
    @JsonProperty("suggestions") List<String> suggestions,
    @JsonProperty("context_quality") ContextQuality contextQuality,
    @JsonProperty("usage") Usage usage,
    @JsonProperty("performance") Performance performance,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("message_id") long messageId) {

  public QueryResponse {
    sources = sources == null ? List.of() : List.copyOf(sources);
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
  }
}
