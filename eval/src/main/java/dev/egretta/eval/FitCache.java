package dev.egretta.eval;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egretta.core.spi.RetrievedPassage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The searched lists of one part of the relevance fit, cached in a file so that a refit (or a fit
 * after one more dataset's index is built) searches only what changed. Keyed by everything the
 * lists depend on; a file with another key is ignored and rewritten.
 *
 * @param key the part, its dataset, the (k1, b) grid and the question limit
 * @param queries the part's queries with their lists
 * @param passages every passage those lists name, by chunk id
 */
record FitCache(String key, List<FitQuery> queries, Map<String, RetrievedPassage> passages) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path file(String set) {
    return Path.of(System.getProperty("java.io.tmpdir"), "egretta-eval", "relevance-fit-" + set + ".json");
  }

  /** The cached part when its file exists and has this key; else null. */
  static FitCache read(String set, String key) {
    Path f = file(set);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      FitCache c = JSON.readValue(f.toFile(), new TypeReference<FitCache>() {});
      return key.equals(c.key()) ? c : null;
    } catch (IOException e) {
      System.err.println("ignoring the unreadable cache " + f + ": " + e.getMessage());
      return null;
    }
  }

  void write(String set) {
    try {
      Files.createDirectories(file(set).getParent());
      JSON.writeValue(file(set).toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file(set), e);
    }
  }
}
