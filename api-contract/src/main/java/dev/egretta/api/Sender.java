package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Who wrote a session message. */
public enum Sender {
  USER,
  ASSISTANT;

  /** The wire value, {@code user} or {@code assistant}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  static Sender fromJson(String value) {
    return Arrays.stream(values())
        .filter(s -> s.wireName().equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("sender must be one of user, assistant; got: " + value));
  }
}
