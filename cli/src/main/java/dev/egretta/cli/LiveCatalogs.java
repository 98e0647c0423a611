package dev.egretta.cli;

import dev.egretta.bedrock.BedrockConfig;
import dev.egretta.bedrock.BedrockPriceTable;
import dev.egretta.bedrock.LiveBedrockCatalog;
import dev.egretta.core.spi.ModelEntry;
import java.util.stream.Collectors;

/** The live Bedrock catalog the generator options describe ({@code --bedrock-catalog live}, the default). */
final class LiveCatalogs {
  private LiveCatalogs() {}

  /** Opens it (the caller closes it); with {@code --model} that model must be listed and becomes the default. */
  static LiveBedrockCatalog open(GeneratorOptions options, BedrockConfig config) {
    BedrockPriceTable prices = options.bedrockPrices == null ? BedrockPriceTable.builtIn()
        : BedrockPriceTable.builtIn().withFile(options.bedrockPrices);
    LiveBedrockCatalog.Builder builder = LiveBedrockCatalog.builder(config).prices(prices);
    if (options.bedrockControlEndpoint != null) {
      builder.controlPlaneEndpoint(Generators.uri("--bedrock-control-endpoint", options.bedrockControlEndpoint));
    }
    if (options.model != null) {
      builder.defaultModel(options.model);
    }
    LiveBedrockCatalog catalog = builder.build();
    if (options.model != null && catalog.models().stream().noneMatch(m -> m.modelId().equals(options.model))) {
      String ids = catalog.models().stream().map(ModelEntry::modelId).collect(Collectors.joining(", "));
      catalog.close();
      throw new UsageException("unknown model '" + options.model + "' for the bedrock generator; must be one of " + ids
          + " (see 'egretta models --generator bedrock')");
    }
    return catalog;
  }
}
