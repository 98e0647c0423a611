package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A category of a domain, e.g. {@code us} / {@code United States}. */
@JsonPropertyOrder({"code", "name"})
public record Category(@JsonProperty("code") String code, @JsonProperty("name") String name) {}
