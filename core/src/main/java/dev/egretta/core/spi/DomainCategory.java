package dev.egretta.core.spi;

import java.util.Objects;

/** A (domain slug, category code) pair under which documents are filed. */
public record DomainCategory(String domain, String category) {
  public DomainCategory {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(category, "category");
  }
}
