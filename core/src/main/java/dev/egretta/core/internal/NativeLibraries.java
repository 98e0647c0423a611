package dev.egretta.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Native libraries that a dependency would otherwise copy out of the jar into the temporary folder in every
 * JVM (ONNX Runtime, SQLite): copied once per version into a cache folder instead, which the dependency is
 * then pointed at.
 *
 * <p>A copy is written into a private staging folder and moved into place atomically, so a process either
 * sees a complete folder or none, and concurrent first runs cannot load a half-written library. The folder
 * is named after the libraries' sizes and CRCs, so another version gets its own.
 */
public final class NativeLibraries {
  private NativeLibraries() {}

  /**
   * The cache root: {@code $EGRETTA_NATIVE_CACHE} (the {@code egretta} launcher sets it to its cache
   * folder), else {@code $XDG_CACHE_HOME/egretta}, else {@code ~/.cache/egretta}.
   */
  public static Path cacheRoot() {
    String explicit = System.getenv("EGRETTA_NATIVE_CACHE");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("egretta");
  }

  /**
   * The folder {@code <cacheRoot>/<prefix>-<fingerprint>...} holding {@code files} (file name to the resource
   * to copy): reused when present, else created.
   */
  public static Path extract(Path cacheRoot, String prefix, Map<String, URL> files) throws IOException {
    StringBuilder key = new StringBuilder(prefix);
    for (URL resource : files.values()) {
      key.append('-').append(fingerprint(resource));
    }
    Path target = cacheRoot.resolve(key.toString());
    if (Files.isDirectory(target)) {
      return target;
    }
    Files.createDirectories(cacheRoot);
    Path staging = Files.createTempDirectory(cacheRoot, ".staging-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    try {
      for (Map.Entry<String, URL> file : files.entrySet()) {
        try (InputStream in = file.getValue().openStream()) {
          Files.copy(in, staging.resolve(file.getKey()));
        }
      }
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // Another process moved its complete copy into place first (on Linux the rename then fails
        // with "Directory not empty"): use that one.
        if (!Files.isDirectory(target)) {
          throw e;
        }
      }
    } finally {
      Folders.deleteTree(staging, Level.DEBUG);
    }
    return target;
  }

  /** Size and CRC from the jar's directory (no need to read the library), or size and time for a plain file. */
  private static String fingerprint(URL url) throws IOException {
    URLConnection c = url.openConnection();
    if (c instanceof JarURLConnection jar) {
      jar.setUseCaches(false);
      var entry = jar.getJarEntry();
      jar.getJarFile().close();
      return Long.toHexString(entry.getSize()) + Long.toHexString(entry.getCrc());
    }
    try {
      Path file = Path.of(url.toURI());
      return Long.toHexString(Files.size(file)) + Long.toHexString(Files.getLastModifiedTime(file).toMillis());
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw new IOException("cannot fingerprint " + url + ": " + e.getMessage(), e);
    }
  }
}
