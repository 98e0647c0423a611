package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The body of every error answer: one sentence in {@code detail} and, for invalid requests, one
 * entry per bad field in {@code errors} (omitted when empty).
 */
@JsonPropertyOrder({"detail", "errors"})
public record ErrorBody(
    @JsonProperty("detail") String detail,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("errors") List<FieldError> errors) {

  public ErrorBody {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** An error with a sentence and no field errors. */
  public static ErrorBody of(String detail) {
    return new ErrorBody(detail, List.of());
  }

  /** An invalid-request body whose detail sums up the field errors in one sentence. */
  public static ErrorBody invalid(List<FieldError> errors) {
    String detail = errors.stream().map(FieldError::sentence).collect(Collectors.joining("; "));
    return new ErrorBody("Invalid request: " + detail + ".", errors);
  }
}
