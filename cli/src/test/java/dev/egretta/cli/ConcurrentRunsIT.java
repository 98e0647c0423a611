package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many short {@code egretta} processes at once over one index, as scripts and cron jobs start them:
 * answers while concurrent {@code index} runs hold the write lock (asks open the index read-only, so
 * none may fail on the index; one may still fail on the session store, see below), usage errors that
 * exit at once, and runs that fail while the embedding model is still loading in the background (a
 * second {@code index} run meets the first one's lock). A JVM that exited while ONNX Runtime was
 * creating its session crashed with SIGSEGV on a busy machine; none of these runs may crash, and none
 * may leave ONNX Runtime's library in the temporary folder.
 */
class ConcurrentRunsIT {
  private static final Path LAUNCHER = Path.of("..", "bin", "egretta").toAbsolutePath().normalize();
  private static final int ROUNDS = 2;

  @TempDir Path dir;

  private Process start(String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
    pb.environment().put("EGRETTA_NO_BUILD", "1");
    pb.environment().put("TMPDIR", dir.resolve("tmp").toString());
    pb.environment().put("EGRETTA_JAVA_OPTS", "-Djava.io.tmpdir=" + dir.resolve("tmp"));
    return pb.start();
  }

  private record Run(String name, List<Integer> allowedExits, Process process) {}

  @Test
  void concurrentShortRunsNeverCrashTheJvm() throws Exception {
    Files.createDirectories(dir.resolve("tmp"));
    Process demo = start("demo", "demo");
    assertThat(demo.waitFor(5, TimeUnit.MINUTES)).as("the demo finished").isTrue();
    assertThat(demo.exitValue()).as(read("demo.err")).isZero();
    String index = "egretta-data/demo/index";
    // The shared sample PDFs keep an index run busy for seconds; the demo's own corpus when they are absent.
    Path shared = Path.of("..", "..", "shared", "corpus").toAbsolutePath().normalize();
    String corpus = Files.isDirectory(shared) ? shared.toString() : "egretta-data/demo/corpus";

    List<Run> runs = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      // An index run holds the write lock for a while: the other index runs fail while their model still
      // loads (3 of 7 such runs crashed before Egretta.main waited for the load); the asks read beside it.
      for (int i = 0; i < 2; i++) {
        runs.add(new Run("index" + round + "-" + i, List.of(0, 1),
            start("index" + round + "-" + i, "index", corpus, "--index", index, "--json")));
      }
      for (int i = 0; i < 4; i++) {
        // Every ask succeeds: 8 processes writing one sessions.db once met SQLITE_BUSY here (see SessionStoreCrashTest).
        runs.add(new Run("ask" + round + "-" + i, List.of(0), start("ask" + round + "-" + i, "ask", "--index", index,
            "--domain", "business-continuity", "--category", "us", "--mode", "compliance", "--json",
            "What is the recovery time objective for payment processing?")));
      }
      for (int i = 0; i < 3; i++) {
        runs.add(new Run("bad-mode" + round + "-" + i, List.of(2), start("bad-mode" + round + "-" + i, "ask",
            "--index", index, "--domain", "business-continuity", "--category", "us", "--mode", "bogus", "question")));
        runs.add(new Run("bad-domain" + round + "-" + i, List.of(1, 2), start("bad-domain" + round + "-" + i, "ask",
            "--index", index, "--domain", "no-such-domain", "--category", "us", "--json", "question")));
      }
      runs.add(new Run("no-index" + round, List.of(1), start("no-index" + round, "ask", "--index", "missing/index",
          "--domain", "business-continuity", "--category", "us", "question")));
    }

    List<String> failures = new ArrayList<>();
    for (Run r : runs) {
      if (!r.process().waitFor(5, TimeUnit.MINUTES)) {
        r.process().destroyForcibly();
        failures.add(r.name() + " hung");
        continue;
      }
      int exit = r.process().exitValue();
      String err = read(r.name() + ".err");
      if (!r.allowedExits().contains(exit) || err.contains("SIGSEGV") || err.contains("A fatal error")
          || err.contains("already open for writing") && r.name().startsWith("ask")) {
        failures.add(r.name() + " exited " + exit + ": " + err.lines().limit(5).toList());
      }
    }
    try (Stream<Path> crashLogs = Files.list(dir)) {
      failures.addAll(crashLogs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("hs_err")).toList());
    }
    try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
      List<String> onnxCopies = left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("onnxruntime-java"))
          .toList();
      // Checked together with the runs: a run killed because it hung leaves ONNX Runtime's folder behind,
      // and the hang is the failure worth reporting.
      onnxCopies.forEach(copy -> failures.add("ONNX Runtime copy left in the temporary folder: " + copy));
    }
    assertThat(failures).as("crashed, hung or unexpected runs out of " + runs.size()).isEmpty();
    // Once the crowd is gone, the index still answers.
    Process after = start("after", "ask", "--index", index, "--domain", "business-continuity", "--category", "us",
        "--mode", "compliance", "--json", "What is the recovery time objective for payment processing?");
    assertThat(after.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(after.exitValue()).as(read("after.err")).isZero();
  }

  private String read(String file) throws IOException {
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }
}
