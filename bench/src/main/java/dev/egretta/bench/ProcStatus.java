package dev.egretta.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Reads memory figures of a process from Linux {@code /proc/<pid>/status} (kB values, returned as bytes). */
public final class ProcStatus {
  private ProcStatus() {}

  /** Peak resident set size ("high water mark") of {@code pid} in bytes, or -1 when unreadable. */
  public static long peakRss(long pid) {
    return field(pid, "VmHWM:");
  }

  /** Current resident set size of {@code pid} in bytes, or -1 when unreadable. */
  public static long rss(long pid) {
    return field(pid, "VmRSS:");
  }

  /**
   * Waits for {@code process} to exit, sampling its peak RSS every 25 ms; returns the largest sample.
   * Past {@code timeout} it kills the process and throws, naming {@code what} and {@code log}.
   */
  static long awaitPeakRss(Process process, Duration timeout, String what, Path log) throws InterruptedException {
    long peak = 0;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!process.waitFor(25, TimeUnit.MILLISECONDS)) {
      peak = Math.max(peak, peakRss(process.pid()));
      if (System.nanoTime() > deadline) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException(what + " exceeded " + timeout + "; see " + log);
      }
    }
    return peak;
  }

  static long field(long pid, String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(name)) {
          String[] parts = line.substring(name.length()).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024L;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
