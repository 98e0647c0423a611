package dev.egretta.core.spi;

import dev.egretta.core.Organisation;
import java.util.Set;

/** What the knowledge base holds, as far as one organisation may know. Thread-safe. */
public interface CorpusInventory {

  /** The (domain, category) pairs of the public library and of {@code caller}'s private documents. */
  Set<DomainCategory> domainCategories(Organisation caller);

  /** Whether {@code caller} has at least one indexed private document. */
  boolean hasPrivateDocuments(Organisation caller);
}
