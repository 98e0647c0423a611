package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EgrettaCommandTest {
  @TempDir Path dir;

  @Test
  void helpListsTheExitCodesAndSucceeds() {
    CliRun run = CliRun.run(dir, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: egretta").contains("Exit codes:").contains("2   usage error");
  }

  @Test
  void versionNamesTheProgram() {
    CliRun run = CliRun.run(dir, "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("egretta ");
  }

  @Test
  void noCommandIsAUsageErrorThatPrintsTheUsage() {
    CliRun run = CliRun.run(dir);

    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("Usage: egretta");
  }

  @Test
  void anUnknownCommandIsAOneLineUsageError() {
    CliRun run = CliRun.run(dir, "frobnicate");

    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.err().strip()).startsWith("egretta: ").contains("frobnicate").doesNotContain("\n")
        .doesNotContain("Exception");
  }

  @Test
  void aUsageErrorWithJsonIsAnEgretErrorBody() {
    CliRun run = CliRun.run(dir, "--json", "frobnicate");

    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.err().strip()).startsWith("{\"detail\":\"").endsWith("}");
  }

  @Test
  void defaultPathsFollowEgrettaHome() {
    Context context = new Context(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(new java.io.StringWriter()), java.util.Map.of("EGRETTA_HOME", "data"), dir, false);
    Context plain = new Context(context.out(), context.err(), java.util.Map.of(), dir, false);

    assertThat(context.defaultIndex()).isEqualTo(dir.resolve("data/index"));
    assertThat(plain.defaultIndex()).isEqualTo(dir.resolve("egretta-data/index"));
  }

  @Test
  void theCommandNamesAreTheCommandsOwn() {
    Egretta.COMMANDS.forEach((name, command) ->
        assertThat(command.getAnnotation(picocli.CommandLine.Command.class).name()).as(command.getName()).isEqualTo(name));
  }

  @Test
  void helpListsEveryCommandAndACommandLineBuildsOnlyTheCommandItNames() {
    Context context = new Context(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(new java.io.StringWriter()), java.util.Map.of(), dir, false);

    assertThat(Egretta.commandLine(context, false, "--help").getSubcommands().keySet())
        .containsExactlyElementsOf(Egretta.COMMANDS.keySet());
    assertThat(Egretta.commandLine(context, false, "help").getSubcommands()).hasSameSizeAs(Egretta.COMMANDS);
    assertThat(Egretta.commandLine(context, false, "ask").getSubcommands().keySet()).containsExactly("ask");
    assertThat(CliRun.run(dir, "--help").out()).contains("eval-answers").contains("sessions");
  }

  @Test
  void anUnknownOptionOfTheNamedCommandIsStillAOneLineUsageError() {
    CliRun run = CliRun.run(dir, "ask", "--domain", "d", "--category", "us", "--frobnicate", "q");

    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.err().strip()).startsWith("egretta: ").contains("--frobnicate").doesNotContain("\n");
  }
}
