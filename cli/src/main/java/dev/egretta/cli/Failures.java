package dev.egretta.cli;

import dev.egretta.api.EgretJson;
import dev.egretta.api.ErrorBody;
import dev.egretta.core.EgrettaException;
import dev.egretta.core.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns every failure into one line on standard error and an exit code: usage problems are
 * {@link Egretta#USAGE}, everything else {@link Egretta#FAILURE}. No stack trace unless
 * {@code EGRETTA_DEBUG=1}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  private final Context context;
  private final boolean json;

  Failures(Context context, boolean json) {
    this.context = context;
    this.json = json;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    String hint = "see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'";
    report(ex.getMessage() + " (" + hint + ")", ex);
    return Egretta.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    if (ex instanceof CommandLine.ParameterException pe) {
      return handleParseException(pe, parseResult.originalArgs().toArray(String[]::new));
    }
    report(message(ex), ex);
    return exitCode(ex);
  }

  /** The exit code for a failure thrown while a command ran. */
  static int exitCode(Throwable ex) {
    if (ex instanceof UsageException || ex instanceof InvalidRequestException
        || ex instanceof IllegalArgumentException) {
      return Egretta.USAGE;
    }
    return Egretta.FAILURE;
  }

  /** One sentence that tells a person what went wrong, without class names where avoidable. */
  static String message(Throwable ex) {
    if (ex instanceof UncheckedIOException u && u.getCause() != null) {
      return ioMessage(u.getMessage(), u.getCause());
    }
    if (ex instanceof IOException io) {
      return ioMessage(null, io);
    }
    String msg = ex.getMessage();
    if (ex instanceof EgrettaException || ex instanceof IllegalArgumentException || ex instanceof UsageException
        || ex instanceof CliFailure) {
      return msg == null ? ex.getClass().getSimpleName() : msg;
    }
    Throwable cause = ex.getCause();
    if ((msg == null || msg.isBlank()) && cause != null) {
      return message(cause);
    }
    return "unexpected " + ex.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
  }

  private static String ioMessage(String context, Throwable io) {
    String what;
    if (io instanceof NoSuchFileException nsf) {
      what = "no such file or directory: " + nsf.getFile();
    } else if (io instanceof AccessDeniedException ade) {
      what = "permission denied: " + ade.getFile();
    } else {
      what = io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
    }
    return context == null || context.equals(io.toString()) ? what : context + ": " + what;
  }

  private void report(String message, Throwable ex) {
    String line = message.replaceAll("\\s*\\R\\s*", " ").strip();
    if (json) {
      context.err().println(EgretJson.write(ErrorBody.of(line)));
    } else {
      context.err().println("egretta: " + line);
    }
    if ("1".equals(context.env().get("EGRETTA_DEBUG"))) {
      ex.printStackTrace(context.err());
    }
    context.err().flush();
  }
}
