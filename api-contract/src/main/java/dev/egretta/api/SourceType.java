package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The kind of knowledge a source came from; {@code web} is reserved by Egret for a later phase. */
public enum SourceType {
  DOCUMENT,
  WEB;

  /** The wire value, e.g. {@code document}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  static SourceType fromJson(String value) {
    return Arrays.stream(values())
        .filter(t -> t.wireName().equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("source_type must be one of document, web; got: " + value));
  }
}
