package dev.egretta.server;

import java.nio.file.Path;

/** Run as a separate JVM by {@link UploadCacheTest}: holds an upload folder in {@code args[0]} until stdin closes. */
final class HoldUploadCache {
  private HoldUploadCache() {}

  public static void main(String[] args) throws Exception {
    try (UploadCache cache = UploadCache.create(Path.of(args[0]))) {
      System.out.println(cache.path());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our stdin
      }
    }
  }
}
