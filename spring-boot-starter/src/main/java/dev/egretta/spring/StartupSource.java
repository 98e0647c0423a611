package dev.egretta.spring;

import dev.egretta.core.spi.DocumentSource;
import java.util.Objects;

/**
 * A document source indexed into the public library when the application starts (the starter makes
 * one for {@code egretta.s3.uri}; an application may add its own beans).
 *
 * @param name how the log names it
 * @param source the documents
 */
public record StartupSource(String name, DocumentSource source) {
  public StartupSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }
}
