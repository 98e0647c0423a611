package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One entry of {@code GET /v1/models/}. */
@JsonPropertyOrder({"model_id", "name", "tier", "credit_cost", "supports_streaming", "is_default"})
public record ModelInfo(
    @JsonProperty("model_id") String modelId,
    @JsonProperty("name") String name,
    @JsonProperty("tier") String tier,
    @JsonProperty("credit_cost") double creditCost,
    @JsonProperty("supports_streaming") boolean supportsStreaming,
    @JsonProperty("is_default") boolean isDefault) {}
