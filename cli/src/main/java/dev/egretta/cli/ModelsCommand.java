package dev.egretta.cli;

import dev.egretta.api.ModelInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code egretta models}: the model catalog of the chosen generator. */
@Command(name = "models", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"List the models 'ask' and 'serve' can use with the chosen generator.",
        "--json prints Egret's models list."})
final class ModelsCommand implements Callable<Integer> {
  @Mixin GeneratorOptions generator;
  @Mixin JsonOption json;

  private final Context context;

  ModelsCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    generator.check();
    var catalog = Generators.catalog(generator);
    List<ModelInfo> models;
    try {
      models = catalog.models().stream().map(m -> m.toInfo()).toList();
    } finally {
      if (catalog instanceof AutoCloseable live) {
        OpenEngine.closeAll(List.of(live), null);
      }
    }
    if (json.json) {
      context.printJson(models);
    } else {
      context.print(Render.models(models));
      context.out().flush();
    }
    return Egretta.OK;
  }
}
