package dev.egretta.core.spi;

import dev.egretta.core.Organisation;
import java.util.Objects;
import java.util.Optional;

/**
 * Which chunks one search may see. A retriever applies it <em>inside</em> the search (as a filter
 * of both the lexical and the vector query), never to results afterwards.
 *
 * @param domain the domain slug every hit must have
 * @param category the category code every hit must have
 * @param includePublic whether the shared public library is visible
 * @param privateOf whose private documents are visible; empty = none
 */
public record SearchScope(String domain, String category, boolean includePublic, Optional<Organisation> privateOf) {
  public SearchScope {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(privateOf, "privateOf");
    if (!includePublic && privateOf.isEmpty()) {
      throw new IllegalArgumentException("a search scope must include the public library or an organisation's documents");
    }
  }

  /** The public library of one domain and category. */
  public static SearchScope publicOnly(String domain, String category) {
    return new SearchScope(domain, category, true, Optional.empty());
  }
}
