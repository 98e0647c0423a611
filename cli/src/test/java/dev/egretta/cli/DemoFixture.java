package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The demo, run once per test JVM: its corpus and index are shared (read-only) by the command tests,
 * which keep their own session stores. Lives under target/ so that 'mvn clean' removes it.
 */
final class DemoFixture {
  private static DemoFixture instance;

  final Path dir;
  final CliRun jsonRun;

  private DemoFixture(Path dir, CliRun jsonRun) {
    this.dir = dir;
    this.jsonRun = jsonRun;
  }

  static synchronized DemoFixture get() {
    if (instance == null) {
      try {
        Path dir = Files.createDirectories(Path.of("target", "cli-fixtures", UUID.randomUUID().toString()))
            .toAbsolutePath();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        CliRun run = CliRun.run(dir, "demo", "--dir", "demo", "--json");
        assertThat(run.exitCode()).as("demo --json failed: %s", run.err()).isZero();
        instance = new DemoFixture(dir, run);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: target/ is removed by 'mvn clean' anyway
    }
  }

  Path index() {
    return dir.resolve("demo/index");
  }

  Path corpus() {
    return dir.resolve("demo/corpus");
  }
}
