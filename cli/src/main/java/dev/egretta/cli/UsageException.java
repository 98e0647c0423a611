package dev.egretta.cli;

/** A command line that parsed but makes no sense (e.g. {@code --domain} without {@code --category}); exit code 2. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
