package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The answer to a rename: the session and its new title. */
@JsonPropertyOrder({"session_id", "title"})
public record RenameResponse(@JsonProperty("session_id") String sessionId, @JsonProperty("title") String title) {}
