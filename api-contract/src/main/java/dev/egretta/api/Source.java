package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One retrieved passage offered to the generator; {@code [Source N]} in the answer is the N-th
 * entry (1-based) of the response's sources. {@code page_number} and {@code download_url} are
 * always written, {@code null} when unknown; the other optional fields are omitted when absent
 * (Egret's own examples omit them in some documents), but Egretta always fills them.
 */
@JsonPropertyOrder({"uri", "filename", "page_number", "excerpt", "score", "relevance", "source_type", "download_url", "is_private"})
public record Source(
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("uri") String uri,
    @JsonProperty("filename") String filename,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("page_number") Integer pageNumber,
    @JsonProperty("excerpt") String excerpt,
    @JsonProperty("score") double score,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("relevance") Relevance relevance,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("source_type") SourceType sourceType,
    @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("download_url") String downloadUrl,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("is_private") Boolean isPrivate) {}
