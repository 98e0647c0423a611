package dev.egretta.cli;

import dev.egretta.server.ApiKeys;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code egretta keys}: manage the API keys of {@code egretta serve}. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage the API keys 'egretta serve' accepts.",
    subcommands = KeysCommand.Add.class)
final class KeysCommand implements Callable<Integer> {
  private final Context context;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  KeysCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: keys add");
  }

  /** {@code egretta keys add --org ORG}: a new key, printed once; only its SHA-256 is stored. */
  @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Create an API key for an organisation. The key (egret_...) is printed once; the keys file "
          + "keeps only its SHA-256 as a line '<org> sha256:<hex>'.",
          "--json prints {\"organisation\", \"key\", \"api_keys_file\"}."})
  static final class Add implements Callable<Integer> {
    @Option(names = "--org", required = true, paramLabel = "ORG", converter = OrgOption.Converter.class,
        description = "The organisation the key belongs to.")
    dev.egretta.core.Organisation org;

    @Mixin ApiKeysOption keys;
    @Mixin JsonOption json;

    private final Context context;

    Add(Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Path file = keys.file(context);
      ApiKeys.GeneratedKey generated = ApiKeys.generate(org);
      ApiKeys.append(file, generated);
      if (json.json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("organisation", org.id());
        out.put("key", generated.key());
        out.put("api_keys_file", file.toString());
        context.printJson(out);
      } else {
        context.println(generated.key());
        context.note("Added a key for '" + org.id() + "' to " + file
            + ". This is the only time the key is shown: store it now.");
      }
      return Egretta.OK;
    }
  }
}
