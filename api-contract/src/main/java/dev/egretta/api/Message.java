package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * One entry of {@code GET /v1/sessions/{id}/messages/}. User messages have no sources, zero
 * tokens and {@code context_quality: null}.
 */
@JsonPropertyOrder({"session_id", "sender", "content", "bedrock_model_id", "sources", "input_tokens", "output_tokens",
    "created_at", "context_quality"})
public record Message(
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("sender") Sender sender,
    @JsonProperty("content") String content,
    @JsonProperty("bedrock_model_id") String bedrockModelId,
    @JsonProperty("sources") List<Source> sources,
    @JsonProperty("input_tokens") long inputTokens,
    @JsonProperty("output_tokens") long outputTokens,
    @JsonProperty("created_at") Instant createdAt,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("context_quality") ContextQuality contextQuality) {

  public Message {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }
}
