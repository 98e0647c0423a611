package dev.egretta.s3;

import dev.egretta.core.DocumentTypes;
import dev.egretta.core.spi.DomainCategory;
import java.util.Optional;

/**
 * Egret's bucket layout {@code [...]/<domain>/pdf/<category>/<file>.pdf}: the last four segments of
 * a key name the domain and the category. Anything above them (a library prefix) is ignored.
 */
final class EgretLayout {

  private EgretLayout() {}

  /** The domain and category a key is filed under, or empty when the key does not follow the layout. */
  static Optional<DomainCategory> of(String key) {
    String[] segments = key.split("/", -1);
    int n = segments.length;
    if (n < 4) {
      return Optional.empty();
    }
    String domain = segments[n - 4];
    String pdf = segments[n - 3];
    String category = segments[n - 2];
    String file = segments[n - 1];
    if (domain.isBlank() || category.isBlank() || file.isBlank() || !pdf.equalsIgnoreCase("pdf")) {
      return Optional.empty();
    }
    return Optional.of(new DomainCategory(domain, category));
  }

  /** Whether the key names a document Egretta indexes (PDF, Word, slides, HTML, Markdown, text; by extension, any case). */
  static boolean isDocument(String key) {
    return DocumentTypes.isIndexable(key);
  }
}
