package dev.egretta.core.spi;

import dev.egretta.core.InvalidRequestException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The models a caller may choose from, with exactly one default. */
@FunctionalInterface
public interface ModelCatalog {

  /** Every model, default included. */
  List<ModelEntry> models();

  /** The requested model, or the default when none is requested. */
  default ModelEntry resolve(Optional<String> modelId) {
    List<ModelEntry> all = models();
    if (modelId.isEmpty()) {
      return all.stream().filter(ModelEntry::isDefault).findFirst()
          .orElseThrow(() -> new IllegalStateException("the model catalog has no default model"));
    }
    return all.stream().filter(m -> m.modelId().equals(modelId.get())).findFirst()
        .orElseThrow(() -> InvalidRequestException.of("model_id", "unknown model '" + modelId.get()
            + "'; must be one of " + all.stream().map(ModelEntry::modelId).collect(Collectors.joining(", "))));
  }

  /** A fixed catalog; exactly one entry must be the default and ids must be unique. */
  static ModelCatalog of(List<ModelEntry> models) {
    List<ModelEntry> copy = List.copyOf(models);
    long defaults = copy.stream().filter(ModelEntry::isDefault).count();
    if (defaults != 1) {
      throw new IllegalArgumentException("a model catalog needs exactly one default model; got " + defaults);
    }
    long distinct = copy.stream().map(ModelEntry::modelId).distinct().count();
    if (distinct != copy.size()) {
      throw new IllegalArgumentException("model ids in a catalog must be unique");
    }
    return () -> copy;
  }
}
