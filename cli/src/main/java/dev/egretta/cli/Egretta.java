package dev.egretta.cli;

import dev.egretta.lucene.LuceneKnowledgeBase;
import java.time.Duration;
import java.util.Arrays;
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

  private Egretta() {}

  static {
    Logs.configure();
  }

  public static void main(String[] args) {
    int exitCode = run(Context.system(), args);
    // A run that failed right after opening an index must not exit while the model still loads.
    LuceneKnowledgeBase.awaitBackgroundLoad(Duration.ofSeconds(60));
    System.exit(exitCode);
  }

  /** Runs one command line in-process and returns its exit code; never throws, never exits. */
  public static int run(Context context, String... args) {
    return commandLine(context, Arrays.asList(args).contains("--json")).execute(args);
  }

  /** The configured picocli command line over {@code context}. */
  static CommandLine commandLine(Context context, boolean json) {
    CommandLine cl = new CommandLine(new EgrettaCommand(context), new ContextFactory(context));
    Failures failures = new Failures(context, json);
    cl.setOut(context.out());
    cl.setErr(context.err());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(failures);
    cl.setParameterExceptionHandler(failures);
    return cl;
  }
}
