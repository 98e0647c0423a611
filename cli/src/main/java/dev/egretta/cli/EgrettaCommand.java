package dev.egretta.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root {@code egretta} command: documents the exit codes; {@link Egretta#COMMANDS} are its subcommands. */
@Command(
    name = "egretta",
    mixinStandardHelpOptions = true,
    versionProvider = EgrettaCommand.Version.class,
    description = "Egretta: an embedded RAG engine that answers from your PDFs with cited pages, "
        + "in the JSON shapes of the Egret compliance API.",
    usageHelpAutoWidth = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:runtime failure (missing index, unreadable file, upstream error)",
        "2:usage error (unknown option, bad value, invalid request)"},
    footerHeading = "%nEnvironment:%n",
    footer = {
        "  EGRETTA_HOME   the data directory (default ./egretta-data)",
        "  EGRETTA_DEBUG  1 = print stack traces with errors"})
final class EgrettaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final Context context;

  EgrettaCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.err());
    return Egretta.USAGE;
  }

  /** The version from the jar's manifest ({@code dev} when run from classes). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Egretta.class.getPackage().getImplementationVersion();
      return new String[] {"egretta " + (v == null ? "dev" : v), "Java " + Runtime.version()};
    }
  }
}
