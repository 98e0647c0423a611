package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --backend elasticsearch}: option checks and the one-line error of an unreachable cluster. */
class ElasticsearchBackendOptionsTest {
  @TempDir
  Path dir;

  private static String deadUrl() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return "http://127.0.0.1:" + s.getLocalPort();
    }
  }

  @Test
  void theClusterBackendNeedsAUrl() {
    CliRun run = CliRun.run(dir, "domains", "--backend", "elasticsearch");
    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.err()).isEqualTo("egretta: --backend elasticsearch needs --es-url URL (e.g. http://localhost:9200)\n");
  }

  @Test
  void clusterOptionsNeedTheClusterBackend() {
    CliRun run = CliRun.run(dir, "domains", "--es-url", "http://localhost:9200");
    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.err()).contains("--es-url, --es-index and --es-api-key need --backend elasticsearch");
  }

  @Test
  void aBadUrlIsAUsageError() {
    CliRun run = CliRun.run(dir, "domains", "--backend", "elasticsearch", "--es-url", "localhost:9200");
    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.err()).startsWith("egretta: an Elasticsearch URL must be http://HOST:PORT or https://HOST:PORT");
  }

  @Test
  void anUnreachableClusterIsOneLineNamingTheUrlAndTheFix() throws Exception {
    String url = deadUrl();
    Files.createDirectories(dir.resolve("inbox"));
    for (String[] args : new String[][] {
        {"domains", "--backend", "elasticsearch", "--es-url", url},
        {"index", "inbox", "--domain", "misc", "--category", "us", "--backend", "elasticsearch", "--es-url", url}}) {
      CliRun run = CliRun.run(dir, args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(Egretta.FAILURE);
      assertThat(run.err()).isEqualTo("egretta: cannot reach Elasticsearch at " + url
          + " (connection refused): start the cluster or fix --es-url\n");
    }
  }
}
