package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/** One entry of {@code GET /v1/sessions/recent/}. */
@JsonPropertyOrder({"session_id", "title", "domain_slug", "domain_name", "category_name", "category_code",
    "created_at", "last_activity_at", "message_count"})
public record SessionSummary(
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("title") String title,
    @JsonProperty("domain_slug") String domainSlug,
    @JsonProperty("domain_name") String domainName,
    @JsonProperty("category_name") String categoryName,
    @JsonProperty("category_code") String categoryCode,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("last_activity_at") Instant lastActivityAt,
    @JsonProperty("message_count") int messageCount) {}
