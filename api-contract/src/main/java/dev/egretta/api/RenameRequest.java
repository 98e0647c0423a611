package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /v1/sessions/{id}/rename/}; checked by {@link RequestValidator#validateRename}. */
public record RenameRequest(@JsonProperty("title") String title) {}
