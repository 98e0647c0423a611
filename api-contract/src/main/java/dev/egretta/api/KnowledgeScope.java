package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which knowledge a query may draw on. */
public enum KnowledgeScope {
  /** The shared public library and the caller organisation's private documents (the default). */
  ALL,
  /** The shared public library only. */
  PUBLIC,
  /** The caller organisation's private documents only. */
  PRIVATE;

  /** The wire value, e.g. {@code all}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The accepted wire values, comma separated, for error messages. */
  public static String allowedValues() {
    return Arrays.stream(values()).map(KnowledgeScope::wireName).collect(Collectors.joining(", "));
  }

  /** Parses a wire value; empty when it is not one of {@link #allowedValues()}. */
  public static Optional<KnowledgeScope> parse(String value) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst();
  }

  @JsonCreator
  static KnowledgeScope fromJson(String value) {
    return parse(value)
        .orElseThrow(() -> new IllegalArgumentException("knowledge_scope must be one of " + allowedValues()));
  }
}
