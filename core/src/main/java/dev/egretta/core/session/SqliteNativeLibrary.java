package dev.egretta.core.session;

import dev.egretta.core.internal.NativeLibraries;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Points sqlite-jdbc at a cached copy of its native library ({@code org.sqlite.lib.path} and
 * {@code org.sqlite.lib.name}) before it loads it. Left to itself, the driver copies the library into the
 * temporary folder under a new name in every JVM, reads it back to compare, and starts {@code uname -o} to
 * tell Android from Linux: a tenth of a second of a one-off command's start-up.
 *
 * <p>Only for the platforms whose folder in the driver's jar is certain (Linux with glibc, macOS; x86_64
 * and aarch64); elsewhere, when a user set the properties, or when no cache folder can be written, the
 * driver does as it always did.
 */
final class SqliteNativeLibrary {
  private static final System.Logger LOG = System.getLogger(SqliteNativeLibrary.class.getName());
  static final String PATH_PROPERTY = "org.sqlite.lib.path";
  static final String NAME_PROPERTY = "org.sqlite.lib.name";
  static final String LIBRARY = System.mapLibraryName("sqlitejdbc");

  private static boolean prepared;

  private SqliteNativeLibrary() {}

  /** Sets the driver's library properties to the cached copy, extracting it on first use. Idempotent. */
  static synchronized void prepare() {
    if (prepared) {
      return;
    }
    prepared = true;
    if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
      return;
    }
    try {
      copy(NativeLibraries.cacheRoot()).ifPresent(folder -> {
        System.setProperty(NAME_PROPERTY, LIBRARY);
        System.setProperty(PATH_PROPERTY, folder.toString());
      });
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, "cannot cache SQLite's native library; the driver extracts it itself", e);
    }
  }

  /** The folder under {@code cacheRoot} holding this platform's library ({@value #LIBRARY}'s name), empty when unsure. */
  static Optional<Path> copy(Path cacheRoot) throws IOException {
    Optional<String> folder = folder();
    if (folder.isEmpty()) {
      return Optional.empty();
    }
    URL resource = SqliteNativeLibrary.class.getResource("/org/sqlite/native/" + folder.get() + "/" + LIBRARY);
    if (resource == null) {
      return Optional.empty();
    }
    return Optional.of(NativeLibraries.extract(cacheRoot, "sqlite-" + folder.get().replace('/', '-'),
        Map.of(LIBRARY, resource)));
  }

  /** The driver's folder for this platform ({@code Linux/x86_64}), when it is certain. */
  static Optional<String> folder() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch64";
      default -> null;
    };
    if (arch == null) {
      return Optional.empty();
    }
    if (os.contains("mac") || os.contains("darwin")) {
      return Optional.of("Mac/" + arch);
    }
    // Android and musl (Alpine, whose dynamic loader is /lib/ld-musl-<arch>.so.1) have folders of their own.
    boolean android = System.getProperty("java.vendor.url", "").contains("android");
    boolean musl = Files.exists(Path.of("/lib/ld-musl-" + arch + ".so.1"));
    return os.equals("linux") && !android && !musl ? Optional.of("Linux/" + arch) : Optional.empty();
  }
}
