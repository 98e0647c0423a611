package dev.egretta.cli;

/** A command that cannot be carried out for a reason the message explains (exit code 1). */
final class CliFailure extends RuntimeException {
  CliFailure(String message) {
    super(message);
  }

  CliFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
