package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A knowledge domain, e.g. {@code business-continuity} / {@code Business Continuity}. */
@JsonPropertyOrder({"slug", "name"})
public record Domain(@JsonProperty("slug") String slug, @JsonProperty("name") String name) {}
