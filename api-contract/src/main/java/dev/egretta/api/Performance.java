package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Latency breakdown of one query, in milliseconds, with the retrieval diagnostics repeated. */
@JsonPropertyOrder({"retrieval_latency_ms", "generation_latency_ms", "total_latency_ms", "chunks_retrieved", "avg_relevance_score"})
public record Performance(
    @JsonProperty("retrieval_latency_ms") long retrievalLatencyMs,
    @JsonProperty("generation_latency_ms") long generationLatencyMs,
    @JsonProperty("total_latency_ms") long totalLatencyMs,
    @JsonProperty("chunks_retrieved") int chunksRetrieved,
    @JsonProperty("avg_relevance_score") double avgRelevanceScore) {}
