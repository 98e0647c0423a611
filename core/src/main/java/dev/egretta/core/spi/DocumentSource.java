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

  /**
   * Whether an indexed document with this URI comes from this source's location, so that a sync may
   * delete it when the source no longer lists it. The default claims nothing: a sync through a source
   * that does not say where it reads never deletes documents indexed from elsewhere.
   */
  default boolean covers(String documentUri) {
    return false;
  }
}
