package dev.egretta.lucene;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Runs the external programs OCR uses ({@code tesseract}, {@code pdftoppm}) as child processes: what
 * a hostile page does to them (a decoding loop, a memory bomb) ends when the process is killed at its
 * time limit, never inside the JVM.
 */
final class ExternalCommand {
  private ExternalCommand() {}

  /** The output (stdout and stderr) of a short command that exits with 0 within 10 s; empty otherwise. */
  static Optional<String> probe(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Runs {@code command} with its output discarded, killed (with any child) at {@code timeLimit}.
   *
   * @throws IOException when it cannot start, runs past the limit, or exits with another status than 0
   */
  static void run(List<String> command, Map<String, String> environment, Duration timeLimit)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(environment);
    Process p = pb.start();
    try {
      if (!p.waitFor(Math.max(1, timeLimit.toMillis()), TimeUnit.MILLISECONDS)) {
        throw new IOException(command.get(0) + " took longer than " + timeLimit.toSeconds() + " s");
      }
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    if (p.exitValue() != 0) {
      throw new IOException(command.get(0) + " exited with " + p.exitValue());
    }
  }

  /** Deletes a flat scratch folder and its files. */
  static void deleteScratch(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
  }

  /** Whether a program is installed: probed on first use only, and what it lacks said once. */
  static final class Availability {
    private final BooleanSupplier probe;
    private final Runnable whenMissing;
    private volatile Boolean known;

    Availability(BooleanSupplier probe, Runnable whenMissing) {
      this.probe = probe;
      this.whenMissing = whenMissing;
    }

    boolean get() {
      Boolean k = known;
      if (k == null) {
        synchronized (this) {
          if (known == null) {
            known = probe.getAsBoolean();
            if (!known) {
              whenMissing.run();
            }
          }
          k = known;
        }
      }
      return k;
    }
  }
}
