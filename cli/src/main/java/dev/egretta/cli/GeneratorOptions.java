package dev.egretta.cli;

import picocli.CommandLine.Option;

/** Which answer generator to use: the network-free extractive one (default) or a model on Amazon Bedrock. */
final class GeneratorOptions {
  /** The generators the command line offers. */
  enum Kind { extractive, bedrock }

  @Option(names = "--generator", paramLabel = "extractive|bedrock",
      description = "Answer generator: extractive (default; quotes the best passages, no network) or bedrock.")
  Kind generator = Kind.extractive;

  @Option(names = "--model", paramLabel = "ID",
      description = "Model id from 'egretta models' (default: the catalog's default model).")
  String model;

  @Option(names = "--bedrock-region", paramLabel = "REGION",
      description = "AWS region of Bedrock (default: the AWS region chain, e.g. AWS_REGION).")
  String bedrockRegion;

  @Option(names = "--bedrock-endpoint", paramLabel = "URL",
      description = "Bedrock Runtime endpoint override (e.g. a VPC endpoint or a local test server).")
  String bedrockEndpoint;

  boolean bedrock() {
    return generator == Kind.bedrock;
  }

  /** Bedrock flags without {@code --generator bedrock} are a mistake worth naming. */
  void check() {
    if (!bedrock() && (bedrockRegion != null || bedrockEndpoint != null)) {
      throw new UsageException("--bedrock-region and --bedrock-endpoint need --generator bedrock");
    }
  }
}
