package dev.egretta.core.spi;

import java.util.Optional;

/** Turns a document URI into a download link for {@code sources[].download_url}; empty = no shareable location. */
@FunctionalInterface
public interface LinkSigner {

  /** Signs nothing: every {@code download_url} is {@code null}. */
  LinkSigner NONE = uri -> Optional.empty();

  Optional<String> downloadUrl(String documentUri);
}
