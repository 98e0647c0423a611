package dev.egretta.cli;

import picocli.CommandLine.Option;

/** {@code --json}: machine-readable output, one JSON document on standard output. */
final class JsonOption {
  @Option(names = "--json", description = "Print the result as JSON (for scripts) instead of text and tables.")
  boolean json;
}
