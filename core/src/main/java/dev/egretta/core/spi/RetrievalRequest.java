package dev.egretta.core.spi;

import java.util.Objects;

/**
 * One search: free text (analysed into terms, never parsed as query syntax), where to look, how many hits.
 *
 * @param text the standalone question
 * @param scope the filter applied inside the search
 * @param limit the number of hits wanted, 1..1000
 */
public record RetrievalRequest(String text, SearchScope scope, int limit) {
  public RetrievalRequest {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(scope, "scope");
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1..1000; got " + limit);
    }
  }
}
