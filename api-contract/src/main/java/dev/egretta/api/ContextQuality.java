package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Retrieval diagnostics. {@code insufficient_context} is true when the knowledge base did not hold
 * enough relevant material to answer confidently.
 */
@JsonPropertyOrder({"insufficient_context", "chunks_retrieved", "avg_relevance_score"})
public record ContextQuality(
    @JsonProperty("insufficient_context") boolean insufficientContext,
    @JsonProperty("chunks_retrieved") int chunksRetrieved,
    @JsonProperty("avg_relevance_score") double avgRelevanceScore) {}
