package dev.egretta.cli;

import picocli.CommandLine.Option;

/** Which model answers: the network-free extractive generator's catalog, optionally a chosen model. */
final class GeneratorOptions {
  @Option(names = "--model", paramLabel = "ID",
      description = "Model id from 'egretta models' (default: the catalog's default model).")
  String model;

  /** Nothing to cross-check yet; kept so every command checks its generator options the same way. */
  void check() {}
}
