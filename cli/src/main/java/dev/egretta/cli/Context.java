package dev.egretta.cli;

import dev.egretta.api.EgretJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a command writes and what it knows of its surroundings: standard output and error, the
 * environment, the working directory and whether a person is watching (a terminal). Tests build
 * one over string writers to run commands in-process.
 *
 * @param out standard output: results only (tables, answers, JSON)
 * @param err standard error: progress, notes and errors
 * @param env environment variables ({@code EGRETTA_HOME} is the one read)
 * @param workingDir the directory relative paths and the default data directory resolve against
 * @param terminal true when output goes to a terminal: progress bars and colours are then shown
 */
public record Context(PrintWriter out, PrintWriter err, Map<String, String> env, Path workingDir, boolean terminal) {

  /** The environment variable that moves the data directory (index, sessions, keys, demo). */
  public static final String HOME_VARIABLE = "EGRETTA_HOME";

  public Context {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    env = Map.copyOf(env);
    workingDir = workingDir.toAbsolutePath().normalize();
  }

  /** The context of a real process: System.out/err, the process environment, the current directory. */
  public static Context system() {
    return new Context(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(),
        Path.of(""), System.console() != null);
  }

  /** {@code $EGRETTA_HOME}, or {@code ./egretta-data}: the root of every default path. */
  public Path home() {
    String home = env.get(HOME_VARIABLE);
    return home == null || home.isBlank() ? workingDir.resolve("egretta-data") : workingDir.resolve(home);
  }

  /** The default index directory: {@code <home>/index}. */
  public Path defaultIndex() {
    return home().resolve("index");
  }

  /** Resolves a user-given path against the working directory. */
  public Path resolve(Path path) {
    return workingDir.resolve(path).normalize();
  }

  /** Prints a value as one line of Egret JSON on standard output. */
  public void printJson(Object value) {
    out.println(EgretJson.write(value));
    out.flush();
  }

  /** Prints text on standard output and flushes it (so it keeps its place before progress on standard error). */
  public void print(String text) {
    out.print(text);
    out.flush();
  }

  /** Prints a line on standard output. */
  public void println(String line) {
    out.println(line);
    out.flush();
  }

  /** Prints a note on standard error (never part of a command's result). */
  public void note(String line) {
    err.println(line);
    err.flush();
  }
}
