package dev.egretta.lucene;

import java.util.Objects;

/** A document that could not be indexed, and why (encrypted, malformed, empty, not a PDF...). */
public record Rejection(String uri, String reason) {
  public Rejection {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(reason, "reason");
  }
}
