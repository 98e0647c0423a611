package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How an answer is generated: {@code compliance}, {@code advisory}, or {@code auto} (classify, then route). */
public enum Mode {
  /** Accuracy first: quote and cite every claim, no speculation. */
  COMPLIANCE,
  /** Interpretive, guidance-oriented answers, still cited. */
  ADVISORY,
  /** Classify the question, then route it to {@link #COMPLIANCE} or {@link #ADVISORY}. */
  AUTO;

  /** The wire value, e.g. {@code compliance}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The accepted wire values, comma separated, for error messages. */
  public static String allowedValues() {
    return Arrays.stream(values()).map(Mode::wireName).collect(Collectors.joining(", "));
  }

  /** Parses a wire value; empty when it is not one of {@link #allowedValues()}. */
  public static Optional<Mode> parse(String value) {
    return Arrays.stream(values()).filter(m -> m.wireName().equals(value)).findFirst();
  }

  @JsonCreator
  static Mode fromJson(String value) {
    return parse(value)
        .orElseThrow(() -> new IllegalArgumentException("mode must be one of " + allowedValues()));
  }
}
