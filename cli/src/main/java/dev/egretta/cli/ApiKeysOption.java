package dev.egretta.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --api-keys FILE}: the server's keys file ({@code <org> sha256:<hex>} per line). */
final class ApiKeysOption {
  @Option(names = "--api-keys", paramLabel = "FILE",
      description = "API keys file (default: $EGRETTA_HOME/api-keys, else ./egretta-data/api-keys).")
  Path file;

  Path file(Context context) {
    return file == null ? context.home().resolve("api-keys") : context.resolve(file);
  }
}
