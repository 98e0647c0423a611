package dev.egretta.s3;

import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.SourceDocument;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Delegates to a real source, but the first read of one object fails as a dropped connection would. */
final class FailingOnce implements DocumentSource {
  private final DocumentSource delegate;
  private final String failing;
  private final Set<String> failed = ConcurrentHashMap.newKeySet();

  FailingOnce(DocumentSource delegate, String failing) {
    this.delegate = delegate;
    this.failing = failing;
  }

  @Override
  public List<SourceDocument> list() throws IOException {
    return delegate.list();
  }

  @Override
  public boolean covers(String documentUri) {
    return delegate.covers(documentUri);
  }

  @Override
  public InputStream open(SourceDocument document) throws IOException {
    if (document.uri().equals(failing) && failed.add(document.uri())) {
      throw new IOException("connection reset while reading " + document.uri() + " (simulated)");
    }
    return delegate.open(document);
  }
}
