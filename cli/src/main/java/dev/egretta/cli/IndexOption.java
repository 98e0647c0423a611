package dev.egretta.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --index DIR} and {@code --sessions FILE}: where the index and the session store live. */
final class IndexOption {
  @Option(names = "--index", paramLabel = "DIR",
      description = "Index directory (default: $EGRETTA_HOME/index, else ./egretta-data/index).")
  Path index;

  @Option(names = "--sessions", paramLabel = "FILE",
      description = "Session store, an SQLite file (default: sessions.db beside the index directory).")
  Path sessions;

  @picocli.CommandLine.Mixin BackendOptions backend = new BackendOptions();

  /** The index directory, resolved. */
  Path indexDir(Context context) {
    return index == null ? context.defaultIndex() : context.resolve(index);
  }

  /** The session store file, resolved. */
  Path sessionsFile(Context context) {
    return sessions == null ? indexDir(context).resolveSibling("sessions.db") : context.resolve(sessions);
  }

  /** The index directory, which must already hold an index. */
  Path existingIndex(Context context) {
    Path dir = indexDir(context);
    if (!Files.isDirectory(dir)) {
      throw new CliFailure("no index at " + dir
          + ": build one with 'egretta index <folder>' (or try 'egretta demo')");
    }
    return dir;
  }
}
