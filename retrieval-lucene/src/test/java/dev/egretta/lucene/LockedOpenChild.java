package dev.egretta.lucene;

import java.nio.file.Path;

/**
 * Child JVM of {@link FailedOpenTest}: opens an index another process holds with the built-in model,
 * prints the error and returns from {@code main} at once, as a command-line program does.
 */
public final class LockedOpenChild {
  private LockedOpenChild() {}

  public static void main(String[] args) {
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(Path.of(args[0]))) {
      System.out.println("opened");
    } catch (RuntimeException e) {
      System.out.println("refused: " + e.getMessage());
    }
  }
}
