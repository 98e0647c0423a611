package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Token counts of one generation, its cost in USD and the model that produced it. */
@JsonPropertyOrder({"input_tokens", "output_tokens", "cost_usd", "model"})
public record Usage(
    @JsonProperty("input_tokens") long inputTokens,
    @JsonProperty("output_tokens") long outputTokens,
    @JsonProperty("cost_usd") double costUsd,
    @JsonProperty("model") String model) {}
