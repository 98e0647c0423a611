package dev.egretta.cli;

import dev.egretta.bedrock.BedrockAnswerGenerator;
import dev.egretta.bedrock.BedrockConfig;
import dev.egretta.bedrock.BedrockModelCatalog;
import dev.egretta.core.generation.ExtractiveAnswerGenerator;
import dev.egretta.core.spi.ModelCatalog;
import dev.egretta.core.spi.ModelEntry;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.stream.Collectors;

/** The model catalog and answer generator that the generator options select. */
final class Generators {
  private Generators() {}

  /**
   * The catalog of the chosen generator; with {@code --model} that model becomes the default (it must
   * be in the catalog).
   */
  static ModelCatalog catalog(GeneratorOptions options) {
    if (options.liveCatalog()) {
      return LiveCatalogs.open(options, config(options).build());
    }
    ModelCatalog base = options.bedrock() ? BedrockModelCatalog.create() : ExtractiveAnswerGenerator.CATALOG;
    if (options.model == null) {
      return base;
    }
    List<ModelEntry> entries = base.models();
    if (entries.stream().noneMatch(m -> m.modelId().equals(options.model))) {
      throw new UsageException("unknown model '" + options.model + "' for the " + options.generator
          + " generator; must be one of " + entries.stream().map(ModelEntry::modelId).collect(Collectors.joining(", "))
          + " (see 'egretta models" + (options.bedrock() ? " --generator bedrock" : "") + "')");
    }
    return ModelCatalog.of(entries.stream()
        .map(m -> new ModelEntry(m.modelId(), m.name(), m.tier(), m.creditCost(), m.supportsStreaming(),
            m.modelId().equals(options.model), m.inputPricePer1k(), m.outputPricePer1k()))
        .toList());
  }

  /** The Bedrock generator the options describe (the caller closes it). */
  static BedrockAnswerGenerator bedrock(GeneratorOptions options) {
    return BedrockAnswerGenerator.create(config(options).build());
  }

  /** The model calls around an answer ({@code --assist-model}): the given model, the catalog's default, or none. */
  static void assist(dev.egretta.core.EgrettaEngineBuilder builder, GeneratorOptions options,
      BedrockAnswerGenerator bedrock, ModelCatalog catalog) {
    if ("none".equals(options.assistModel)) {
      return;
    }
    String id = options.assistModel != null ? options.assistModel : catalog.resolve(java.util.Optional.empty()).modelId();
    builder.modelAssist(dev.egretta.core.generation.ModelAssist.of(bedrock.assistModel(id)));
  }

  private static BedrockConfig.Builder config(GeneratorOptions options) {
    BedrockConfig.Builder config = BedrockConfig.builder();
    if (options.bedrockRegion != null) {
      config.region(options.bedrockRegion);
    }
    if (options.bedrockEndpoint != null) {
      config.endpointOverride(uri("--bedrock-endpoint", options.bedrockEndpoint));
    }
    return config;
  }

  static URI uri(String option, String value) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new URISyntaxException(value, "needs a scheme and a host, e.g. https://host:port");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException(option + " must be a URL like https://host:port; got '" + value + "'");
    }
  }
}
