package dev.egretta.core.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes folders the engine made for itself (staging copies, temporary indexes, uploads). */
public final class Folders {
  private static final System.Logger LOG = System.getLogger(Folders.class.getName());

  private Folders() {}

  /**
   * Deletes {@code folder} and everything in it, deepest first; a missing folder is already deleted.
   * Never throws: what cannot be deleted is left and logged at {@code level}, since a leftover folder
   * must not fail the work that made it.
   *
   * @return whether the folder is gone
   */
  public static boolean deleteTree(Path folder, Level level) {
    if (folder == null || !Files.exists(folder)) {
      return true;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
      return true;
    } catch (IOException e) {
      LOG.log(level, "could not delete " + folder + ": " + e.getMessage());
      return false;
    }
  }
}
