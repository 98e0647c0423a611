package dev.egretta.cli;

import dev.egretta.lucene.LuceneKnowledgeBase;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code egretta} command line: {@code main} for the runnable jar and {@link #run} for tests
 * and embedders that want the commands in-process.
 *
 * <p>Exit codes: {@value #OK} success; {@value #FAILURE} runtime failure (a missing index, an
 * unreadable file, an upstream error); {@value #USAGE} usage error (an unknown option, a bad
 * value, an invalid request). Errors are one line on standard error, {@code {"detail": "..."}}
 * when {@code --json} was given; set {@code EGRETTA_DEBUG=1} to see stack traces.
 */
public final class Egretta {
  /** Success. */
  public static final int OK = 0;
  /** A runtime failure: the command was well formed but could not be carried out. */
  public static final int FAILURE = 1;
  /** A usage error: unknown command or option, missing or bad value, invalid request. */
  public static final int USAGE = 2;

  /**
   * The subcommands by name, in the order the usage lists them. A command line that names one builds only
   * that one: picocli reads every option of every command it is given, and the whole tree cost a one-off
   * {@code ask} about a fifth of a second. (The names are the commands' own; a test holds them equal. Reading
   * them from the annotations would parse every command's annotations on each run.)
   */
  static final Map<String, Class<?>> COMMANDS = commands(
      "demo", DemoCommand.class, "index", IndexCommand.class, "ask", AskCommand.class,
      "sessions", SessionsCommand.class, "domains", DomainsCommand.class, "models", ModelsCommand.class,
      "serve", ServeCommand.class, "keys", KeysCommand.class, "eval", EvalCommand.class,
      "eval-answers", EvalAnswersCommand.class, "help", CommandLine.HelpCommand.class);

  private Egretta() {}

  static {
    Logs.configure();
  }

  public static void main(String[] args) {
    List<String> words = Arrays.asList(args);
    if (!words.isEmpty() && words.getFirst().equals("ask") && !words.contains("--help") && !words.contains("-h")
        && !words.contains("--version") && !words.contains("-V")) {
      // A question needs the embedding model, whose load takes longer than anything before it: start it
      // now, beside the parsing of the command line, as for a process that asks once and exits.
      LuceneKnowledgeBase.startLoadingModelForOneOffRun();
    }
    int exitCode = run(Context.system(), args);
    // A run that failed right after opening an index must not exit while the model still loads.
    LuceneKnowledgeBase.awaitBackgroundLoad(Duration.ofSeconds(60));
    System.exit(exitCode);
  }

  /** Runs one command line in-process and returns its exit code; never throws, never exits. */
  public static int run(Context context, String... args) {
    return commandLine(context, Arrays.asList(args).contains("--json"), args.length == 0 ? null : args[0]).execute(args);
  }

  /**
   * The configured picocli command line over {@code context}: with only the subcommand {@code first} when
   * that names one (other than {@code help}), else with all of them.
   */
  static CommandLine commandLine(Context context, boolean json, String first) {
    CommandLine cl = new CommandLine(new EgrettaCommand(context), new ContextFactory(context));
    boolean one = first != null && COMMANDS.containsKey(first) && !first.equals("help");
    COMMANDS.forEach((name, command) -> {
      if (!one || name.equals(first)) {
        cl.addSubcommand(name, command);
      }
    });
    Failures failures = new Failures(context, json);
    cl.setOut(context.out());
    cl.setErr(context.err());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(failures);
    cl.setParameterExceptionHandler(failures);
    return cl;
  }

  private static Map<String, Class<?>> commands(Object... nameThenClass) {
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    for (int i = 0; i < nameThenClass.length; i += 2) {
      byName.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(byName);
  }
}
