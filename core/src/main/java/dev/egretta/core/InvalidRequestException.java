package dev.egretta.core;

import dev.egretta.api.ErrorBody;
import dev.egretta.api.FieldError;
import java.util.List;

/** The caller's input breaks a rule; {@link #errors()} names each bad field (HTTP 400). */
public class InvalidRequestException extends EgrettaException {
  private final transient List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super(ErrorBody.invalid(errors).detail());
    this.errors = List.copyOf(errors);
  }

  /** One bad field. */
  public static InvalidRequestException of(String field, String message) {
    return new InvalidRequestException(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** The contract's error body for this exception. */
  public ErrorBody body() {
    return ErrorBody.invalid(errors);
  }
}
