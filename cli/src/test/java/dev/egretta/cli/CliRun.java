package dev.egretta.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs one {@code egretta} command line in-process and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(Path workingDir, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context context = new Context(new PrintWriter(out, true), new PrintWriter(err, true), env, workingDir, false);
    int code = Egretta.run(context, args);
    return new CliRun(code, out.toString(), err.toString());
  }

  static CliRun run(Path workingDir, String... args) {
    return run(workingDir, Map.of(), args);
  }
}
