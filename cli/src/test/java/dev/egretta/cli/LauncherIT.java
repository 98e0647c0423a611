package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.api.EgretJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/egretta} over the shaded {@code cli/target/egretta.jar}, as a user runs it: the launcher
 * finds a JDK 21+ (and remembers it), builds the jar's AOT cache by itself on a JDK 25+, and the demo
 * works from the one jar (Lucene's codecs and Tika's parsers are found through merged META-INF/services files).
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("..", "bin", "egretta").toAbsolutePath().normalize();

  @TempDir Path dir;

  private record Result(int exitCode, String out, String err) {}

  private Result run(String... args) throws IOException, InterruptedException {
    return run(Map.of(), args);
  }

  private Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
    pb.environment().put("EGRETTA_NO_BUILD", "1");
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("bin/egretta " + String.join(" ", args) + " did not finish in 5 minutes");
    }
    return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void theLauncherRunsTheShadedJarOnAJdk21OrNewer() throws Exception {
    Result r = run("--version");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("egretta 0.1.0").containsPattern("Java (2[1-9]|[3-9]\\d)");
  }

  @Test
  void theDemoRunsFromTheShadedJarWithCitedPages() throws Exception {
    Result r = run("demo", "--json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode demo = EgretJson.mapper().readTree(r.out());
    assertThat(demo.get("index").get("documents_indexed").asInt()).isEqualTo(3);
    assertThat(demo.get("answers").get(0).get("sources").get(0).get("page_number").asInt()).isEqualTo(2);
    assertThat(Files.isDirectory(dir.resolve("egretta-data/demo/index"))).isTrue();
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void theLauncherRemembersItsJdkAndBuildsAnAotCacheThatLaterRunsUse(@TempDir Path cache) throws Exception {
    Map<String, String> env = Map.of("EGRETTA_CACHE_DIR", cache.toString());
    Result first = run(env, "--version");
    assertThat(first.exitCode()).as(first.err()).isZero();
    List<String> remembered = Files.readAllLines(cache.resolve("java"));
    assertThat(remembered).hasSize(3);
    assertThat(Path.of(remembered.get(1))).isExecutable();
    assumeTrue(Integer.parseInt(remembered.get(2)) >= 25, "the AOT cache needs a JDK 25 or newer");

    // The first run started the training in the background (a minute on 2 idle cores, niced); it ends by
    // renaming the caches into place: one for the long-running commands, one for the one-off ones.
    Path aot = cache.resolve("aot");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
    while (System.nanoTime() < deadline && !list(aot).stream().allMatch(p -> p.toString().endsWith(".aot"))) {
      Thread.sleep(500);
    }
    List<Path> caches = list(aot);
    assertThat(caches).as("two AOT caches, no training left running").hasSize(2);
    Path oneOff = caches.stream().filter(p -> p.getFileName().toString().endsWith("-oneoff.aot")).findFirst().orElseThrow();
    assertThat(java.nio.file.Files.getPosixFilePermissions(aot)).as("owner-only")
        .containsOnly(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE,
            java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);

    Result second = run(Map.of("EGRETTA_CACHE_DIR", cache.toString(), "EGRETTA_JAVA_OPTS", "-Xlog:aot=info"), "--version");
    assertThat(second.exitCode()).as(second.err()).isZero();
    // A one-off command runs without jdk.incubator.vector, so its cache holds pre-linked classes.
    assertThat(second.out()).contains("Opened AOT cache " + oneOff).contains("Using AOT-linked classes: true")
        .contains("egretta 0.1.0");
    // Without the log option, nothing of the cache reaches the output (it would spoil --json).
    Result third = run(env, "--version");
    assertThat(third.out()).startsWith("egretta 0.1.0").doesNotContain("aot");

    // A cache older than the jar (the jar was rebuilt since) is not used, and is trained again.
    Path jar = LAUNCHER.getParent().resolveSibling(Path.of("cli", "target", "egretta.jar"));
    FileTime beforeJar = FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - TimeUnit.HOURS.toMillis(1));
    Files.setLastModifiedTime(oneOff, beforeJar);
    Result stale = run(Map.of("EGRETTA_CACHE_DIR", cache.toString(), "EGRETTA_JAVA_OPTS", "-Xlog:aot=info"), "--version");
    assertThat(stale.exitCode()).as(stale.err()).isZero();
    assertThat(stale.out()).contains("egretta 0.1.0").doesNotContain("Opened AOT cache");
    deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
    while (System.nanoTime() < deadline && (Files.getLastModifiedTime(oneOff).compareTo(beforeJar) == 0
        || !list(aot).stream().allMatch(p -> p.toString().endsWith(".aot")))) {
      Thread.sleep(500);
    }
    assertThat(list(aot)).as("the same two caches, no training left running").containsExactlyInAnyOrderElementsOf(caches);
    assertThat(Files.getLastModifiedTime(oneOff)).as("trained again").isGreaterThan(Files.getLastModifiedTime(jar));
    Result fresh = run(Map.of("EGRETTA_CACHE_DIR", cache.toString(), "EGRETTA_JAVA_OPTS", "-Xlog:aot=info"), "--version");
    assertThat(fresh.out()).contains("Opened AOT cache " + oneOff);
  }

  private static List<Path> list(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.toList();
    }
  }

  @Test
  void aSmallFolderIsIndexedWithC1AndTheSerialCollectorAndALargeOneWithC2(@TempDir Path small, @TempDir Path large) throws Exception {
    Files.writeString(small.resolve("policy.txt"), "Backups are tested quarterly.");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(large.resolve("archive.bin").toFile(), "rw")) {
      f.setLength(17L * 1024 * 1024); // sparse: 17 MiB to du's apparent size, nothing written
    }
    // The JVM prints its flags before the command line is read; the bad --ocr value then ends the run at once.
    Map<String, String> env = Map.of("EGRETTA_AOT", "0", "EGRETTA_JAVA_OPTS", "-XX:+PrintFlagsFinal");

    Result smallRun = run(env, "index", small.toString(), "--ocr", "bogus");
    Result largeRun = run(env, "index", large.toString(), "--ocr", "bogus");

    assertThat(smallRun.exitCode()).as(smallRun.err()).isEqualTo(2);
    assertThat(smallRun.out()).containsPattern("TieredStopAtLevel\\s+= 1\\b").containsPattern("UseSerialGC\\s+= true");
    assertThat(largeRun.exitCode()).as(largeRun.err()).isEqualTo(2);
    assertThat(largeRun.out()).containsPattern("TieredStopAtLevel\\s+= 4\\b").containsPattern("UseSerialGC\\s+= false");
  }

  @Test
  void aUsageErrorExitsWith2() throws Exception {
    Result r = run("ask", "--mode", "compliance", "no domain given");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("egretta: Missing required options");
  }
}
