package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/** One problem with one field of a request, e.g. {@code mode}: {@code must be one of compliance, advisory, auto}. */
@JsonPropertyOrder({"field", "message"})
public record FieldError(@JsonProperty("field") String field, @JsonProperty("message") String message) {
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** {@code field message}, e.g. {@code mode must be one of ...}. */
  public String sentence() {
    return field + " " + message;
  }
}
