package dev.egretta.api;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking client input: either a valid value or the list of field errors.
 *
 * @param <T> the type of the valid value
 */
public sealed interface Validation<T> {

  /** The input was valid. */
  record Valid<T>(T value) implements Validation<T> {
    public Valid {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The input was invalid; {@code errors} is never empty. */
  record Invalid<T>(List<FieldError> errors) implements Validation<T> {
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("an invalid result needs at least one field error");
      }
    }

    /** The error body to send back. */
    public ErrorBody body() {
      return ErrorBody.invalid(errors);
    }
  }

  /** Whether the input was valid. */
  default boolean isValid() {
    return this instanceof Valid;
  }

  /** The valid value; throws {@link IllegalStateException} naming the errors if invalid. */
  default T orElseThrow() {
    return switch (this) {
      case Valid<T> v -> v.value();
      case Invalid<T> i -> throw new IllegalStateException(i.body().detail());
    };
  }

  /** The field errors; empty when valid. */
  default List<FieldError> errors() {
    return switch (this) {
      case Valid<T> v -> List.of();
      case Invalid<T> i -> i.errors();
    };
  }

  /** A result that is valid when {@code errors} is empty. */
  static <T> Validation<T> of(T value, List<FieldError> errors) {
    return errors.isEmpty() ? new Valid<>(value) : new Invalid<>(errors);
  }
}
