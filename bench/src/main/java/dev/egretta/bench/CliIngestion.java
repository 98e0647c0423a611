package dev.egretta.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code egretta index} as a user runs it: {@code bin/egretta} in a fresh process, with the launcher's own
 * JDK choice, JVM options (C1 only and the serial collector for a small folder) and ahead-of-time caches,
 * which it trains once per jar by itself. Issue 18 asks for cold ingestion at the embedding limit with such a cache; the library
 * figures of {@link SideBySide} run in plain child JVMs without one.
 */
final class CliIngestion {
  /** One run: launch to exit, and the JVM's peak RSS (the launcher {@code exec}s java, so the pid is the JVM's). */
  record Run(double seconds, long peakRssBytes) {}

  private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(20);

  private final Path launcher;
  private final Path cache;
  private final Path logDir;

  private CliIngestion(Path launcher, Path cache, Path logDir) {
    this.launcher = launcher;
    this.cache = cache;
    this.logDir = logDir;
  }

  /** The repository's launcher (bench/run.sh runs from the repository root), if it is there. */
  static Optional<CliIngestion> find(Path cacheRoot, Path logDir) {
    Path launcher = Path.of("bin", "egretta").toAbsolutePath();
    return Files.isExecutable(launcher)
        ? Optional.of(new CliIngestion(launcher, cacheRoot.resolve("launcher"), logDir))
        : Optional.empty();
  }

  /**
   * Builds the jar if it is older than the sources (the launcher does that by itself) and waits for the
   * background training of its AOT caches, so that measured runs start with them as a user's later runs do.
   */
  void prepare() throws IOException, InterruptedException {
    Files.createDirectories(logDir);
    Process p = start(List.of("--version"), false, logDir.resolve("cli-prepare.log"));
    if (!p.waitFor(RUN_TIMEOUT.toMinutes(), TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("bin/egretta --version failed; see " + logDir.resolve("cli-prepare.log"));
    }
    long deadline = System.nanoTime() + TRAINING_TIMEOUT.toNanos();
    while (training() && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
  }

  /** Indexes {@code corpus} into the new folder {@code index}. */
  Run index(Path corpus, Path index, int n) throws IOException, InterruptedException {
    Path log = logDir.resolve(String.format("cli-index-%02d.log", n));
    long start = System.nanoTime();
    Process p = start(List.of("index", corpus.toString(), "--index", index.toString(), "--json"), true, log);
    long peak = ProcStatus.awaitPeakRss(p, RUN_TIMEOUT, "bin/egretta index", log);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (p.exitValue() != 0) {
      throw new IllegalStateException("bin/egretta index failed with exit code " + p.exitValue() + "; see " + log);
    }
    return new Run(seconds, peak);
  }

  private Process start(List<String> args, boolean noBuild, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("EGRETTA_CACHE_DIR", cache.toString());
    if (noBuild) {
      env.put("EGRETTA_NO_BUILD", "1");
    }
    return pb.start();
  }

  private boolean training() throws IOException {
    Path aot = cache.resolve("aot");
    if (!Files.isDirectory(aot)) {
      return false;
    }
    try (Stream<Path> s = Files.list(aot)) {
      return s.anyMatch(f -> f.getFileName().toString().endsWith(".lock"));
    }
  }
}
