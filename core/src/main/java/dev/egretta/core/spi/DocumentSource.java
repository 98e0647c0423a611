package dev.egretta.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Where documents come from (a folder, an S3 bucket). Listing is cheap; content is read on demand. */
public interface DocumentSource {

  /** Every document the source holds now, each listed once. */
  List<SourceDocument> list() throws IOException;

  /** Opens one listed document's bytes; the caller closes the stream. */
  InputStream open(SourceDocument document) throws IOException;
}
