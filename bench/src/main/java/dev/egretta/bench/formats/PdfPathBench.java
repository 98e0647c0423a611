package dev.egretta.bench.formats;

import dev.egretta.bench.Stats;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether the PDF-only ingestion path costs what it did before the formats work (#17):
 * {@code PdfPathBench <old bench/target> <new bench/target> <folder of PDFs> [rounds] [passes]} runs
 * {@link PdfPathChild} in fresh JVMs against the two engine builds ({@code <target>/egretta-bench.jar}
 * and its {@code lib/}), interleaved old, new, new, old, ... so that load drifts hit both alike, and
 * prints the medians of every timed pass of each side, their ratio (new / old) and the load average
 * before and after. The child's own classes come from this build's {@code classes/} in front of either
 * jar, so both sides run the same measuring code.
 */
public final class PdfPathBench {
  private PdfPathBench() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 3) {
      System.err.println("usage: PdfPathBench <old bench/target> <new bench/target> <folder of PDFs> [rounds] [passes]");
      System.exit(2);
    }
    Path oldTarget = Path.of(args[0]);
    Path newTarget = Path.of(args[1]);
    String folder = args[2];
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    String passes = args.length > 4 ? args[4] : "3";
    Map<String, List<Double>> times = new LinkedHashMap<>();
    String loadBefore = loadAverage();
    String sizes = "";
    for (int round = 0; round < rounds; round++) {
      List<String> order = round % 2 == 0 ? List.of("old", "new") : List.of("new", "old");
      for (String side : order) {
        Path engine = (side.equals("old") ? oldTarget : newTarget).resolve("egretta-bench.jar");
        List<String> out = child(newTarget.resolve("classes"), engine, folder, passes);
        for (String line : out) {
          String[] f = line.trim().split("\\s+");
          if (f[0].equals("pdfs")) {
            sizes = line.trim();
          } else if (f[0].equals("extract") || f[0].equals("ingest")) {
            List<Double> into = times.computeIfAbsent(side + " " + f[0], k -> new ArrayList<>());
            Arrays.stream(f, 1, f.length).map(Double::parseDouble).forEach(into::add);
          }
        }
        System.out.printf(Locale.ROOT, "round %d %s: %s (load %s)%n", round + 1, side,
            String.join("; ", out.subList(1, out.size())), loadAverage());
      }
    }
    System.out.printf(Locale.ROOT, "%s; %d rounds x %s passes per side, each side in a fresh JVM per round%n", sizes, rounds, passes);
    for (String stage : List.of("extract", "ingest")) {
      double old = Stats.median(times.get("old " + stage));
      double now = Stats.median(times.get("new " + stage));
      System.out.printf(Locale.ROOT, "%-7s median old %.3f s, new %.3f s, ratio new/old %.3f  (old min %.3f, new min %.3f)%n",
          stage, old, now, now / old, Stats.min(times.get("old " + stage)), Stats.min(times.get("new " + stage)));
    }
    System.out.println("load average before: " + loadBefore + "; after: " + loadAverage());
  }

  private static List<String> child(Path classes, Path engine, String folder, String passes)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(engine)) {
      throw new IllegalArgumentException("no engine jar at " + engine + " (build it with mvn -DskipTests package -pl bench -am)");
    }
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-cp", classes + java.io.File.pathSeparator + engine, PdfPathChild.class.getName(), folder, passes);
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("child on " + engine + " failed: " + out);
    }
    return out.lines().toList();
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
