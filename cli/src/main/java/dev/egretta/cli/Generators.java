package dev.egretta.cli;

import dev.egretta.core.generation.ExtractiveAnswerGenerator;
import dev.egretta.core.spi.ModelCatalog;
import dev.egretta.core.spi.ModelEntry;
import java.util.List;
import java.util.stream.Collectors;

/** The model catalog that the generator options select. */
final class Generators {
  private Generators() {}

  /**
   * The catalog of the chosen generator; with {@code --model} that model becomes the default (it must
   * be in the catalog).
   */
  static ModelCatalog catalog(GeneratorOptions options) {
    ModelCatalog base = ExtractiveAnswerGenerator.CATALOG;
    if (options.model == null) {
      return base;
    }
    List<ModelEntry> entries = base.models();
    if (entries.stream().noneMatch(m -> m.modelId().equals(options.model))) {
      throw new UsageException("unknown model '" + options.model + "'; must be one of "
          + entries.stream().map(ModelEntry::modelId).collect(Collectors.joining(", ")) + " (see 'egretta models')");
    }
    return ModelCatalog.of(entries.stream()
        .map(m -> new ModelEntry(m.modelId(), m.name(), m.tier(), m.creditCost(), m.supportsStreaming(),
            m.modelId().equals(options.model), m.inputPricePer1k(), m.outputPricePer1k()))
        .toList());
  }
}
