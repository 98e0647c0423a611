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

  @Option(names = "--bedrock-catalog", paramLabel = "live|built-in",
      description = "Bedrock's model list: live (default; ListFoundationModels + ListInferenceProfiles, cached for an "
          + "hour, the built-in list when unreachable) or built-in. With --bedrock-endpoint, live needs "
          + "--bedrock-control-endpoint.")
  String bedrockCatalog;

  @Option(names = "--bedrock-control-endpoint", paramLabel = "URL",
      description = "Bedrock control-plane endpoint override for the live model list.")
  String bedrockControlEndpoint;

  @Option(names = "--bedrock-prices", paramLabel = "FILE",
      description = "JSON price table overriding and extending the built-in prices: {\"<model id>\": {\"input_per_1k\", "
          + "\"output_per_1k\", \"tier\", \"credit_cost\"[, \"name\"]}}.")
  java.nio.file.Path bedrockPrices;

  @Option(names = "--assist-model", paramLabel = "ID|none",
      description = "With --generator bedrock: the model that decides auto mode and writes suggestions and session "
          + "titles (default: the default model); none = keywords, templates and the question as title.")
  String assistModel;

  /** Whether the Bedrock model list is read from the control plane. */
  boolean liveCatalog() {
    if (bedrockCatalog != null && !bedrockCatalog.equals("live") && !bedrockCatalog.equals("built-in")) {
      throw new UsageException("--bedrock-catalog must be live or built-in; got '" + bedrockCatalog + "'");
    }
    boolean asked = "live".equals(bedrockCatalog);
    if (asked && bedrockEndpoint != null && bedrockControlEndpoint == null) {
      throw new UsageException("--bedrock-catalog live with --bedrock-endpoint needs --bedrock-control-endpoint");
    }
    return bedrock() && !"built-in".equals(bedrockCatalog) && (bedrockEndpoint == null || bedrockControlEndpoint != null);
  }

  boolean bedrock() {
    return generator == Kind.bedrock;
  }

  /** Bedrock flags without {@code --generator bedrock} are a mistake worth naming. */
  void check() {
    if (!bedrock() && (bedrockRegion != null || bedrockEndpoint != null || bedrockCatalog != null
        || bedrockControlEndpoint != null || bedrockPrices != null || assistModel != null)) {
      throw new UsageException("--bedrock-region, --bedrock-endpoint, --bedrock-catalog, --bedrock-control-endpoint, "
          + "--bedrock-prices and --assist-model need --generator bedrock");
    }
    liveCatalog();
  }
}
