package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.api.EgretJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/egretta} over the shaded {@code cli/target/egretta.jar}, as a user runs it: the launcher
 * finds a JDK 21+, and the demo works from the one jar (Lucene's codecs and Tika's parsers are found
 * through merged META-INF/services files).
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("..", "bin", "egretta").toAbsolutePath().normalize();

  @TempDir Path dir;

  private record Result(int exitCode, String out, String err) {}

  private Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
    pb.environment().put("EGRETTA_NO_BUILD", "1");
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
  void aUsageErrorExitsWith2() throws Exception {
    Result r = run("ask", "--mode", "compliance", "no domain given");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("egretta: Missing required options");
  }
}
