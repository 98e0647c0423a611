package dev.egretta.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one measured task in a fresh JVM (same JDK, same class path), so that each side's peak RSS is its
 * own: the parent samples {@code VmHWM} of the child from {@code /proc} while it runs, and the child reports
 * its own high-water mark just before it exits; the larger is kept.
 */
public final class ChildJvm {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a child reported, plus the figures the parent measured around it. */
  public record Result(Map<String, Object> values, long peakRssBytes, double processSeconds) {
    public double number(String key) {
      Object v = values.get(key);
      return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    public String text(String key) {
      Object v = values.get(key);
      return v == null ? "" : v.toString();
    }
  }

  private final Path logDir;
  private int counter;

  public ChildJvm(Path logDir) {
    this.logDir = logDir;
  }

  /**
   * Runs {@code ChildMain task args...} with the given heap (e.g. {@code "2g"}) and returns its report.
   *
   * @throws IllegalStateException naming the log file when the child fails or times out
   */
  public Result run(String task, String heap, Duration timeout, List<String> args) throws IOException, InterruptedException {
    Files.createDirectories(logDir);
    int n = ++counter;
    Path resultFile = logDir.resolve(String.format("%02d-%s.json", n, task));
    Path log = logDir.resolve(String.format("%02d-%s.log", n, task));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heap);
    cmd.addAll(commonJvmOptions());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ChildMain.class.getName());
    cmd.add(task);
    cmd.add(resultFile.toString());
    cmd.addAll(args);
    Files.deleteIfExists(resultFile);
    long start = System.nanoTime();
    Process process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long peak = ProcStatus.awaitPeakRss(process, timeout, "child task " + task, log);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (process.exitValue() != 0 || !Files.exists(resultFile)) {
      throw new IllegalStateException("child task " + task + " failed with exit code " + process.exitValue() + "; see " + log);
    }
    Map<String, Object> values = JSON.readValue(resultFile.toFile(), new TypeReference<Map<String, Object>>() {});
    Object own = values.get("peakRssBytes");
    if (own instanceof Number num) {
      peak = Math.max(peak, num.longValue());
    }
    return new Result(values, peak, seconds);
  }

  /** JVM options every child gets (the heap is set per task). */
  public static List<String> commonJvmOptions() {
    return List.of(
        "--add-modules", "jdk.incubator.vector",
        "--enable-native-access=ALL-UNNAMED",
        "-XX:+UseG1GC",
        "-Djava.awt.headless=true",
        "-Dfile.encoding=UTF-8");
  }

  /** Writes a child's report (called by the child itself, last thing before exit). */
  static void writeReport(Path file, Map<String, Object> values) throws IOException {
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), values);
  }
}
