package dev.egretta.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadCacheTest {
  @TempDir
  Path tmp;

  @Test
  void startingDeletesFoldersOfKilledServersButNotOfLiveOnes() throws Exception {
    // a server killed with -9: its folder and lock file stay, but nobody holds the lock
    Path killed = Files.createDirectory(tmp.resolve("egretta-uploads-4242-123"));
    Files.createFile(killed.resolve(UploadCache.LOCK));
    Files.write(killed.resolve("MultiPart123.tmp"), new byte[1024]);
    // folders of an older version, without lock: one from last week, one fresh
    Path oldLegacy = Files.createDirectory(tmp.resolve("egretta-uploads987654"));
    Files.setLastModifiedTime(oldLegacy, FileTime.from(Instant.now().minus(Duration.ofDays(7))));
    Path freshLegacy = Files.createDirectory(tmp.resolve("egretta-uploads123456"));
    Path unrelated = Files.createDirectory(tmp.resolve("something-else"));

    try (UploadCache live = UploadCache.create(tmp)) {
      assertThat(killed).doesNotExist();
      assertThat(oldLegacy).doesNotExist();
      assertThat(freshLegacy).exists();
      assertThat(unrelated).exists();
      assertThat(live.path().getFileName().toString()).startsWith("egretta-uploads-" + ProcessHandle.current().pid() + "-");

      try (UploadCache concurrent = UploadCache.create(tmp)) {
        assertThat(live.path()).as("a live server's folder is kept").exists();
        assertThat(concurrent.path()).exists();
      }
      assertThat(live.path()).exists();
    }
    assertThat(Files.list(tmp).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("egretta-uploads123456", "something-else");
  }

  // A server in another process holds its lock: its folder survives our start; once it is killed, it goes.
  @Test
  void aLiveServerInAnotherProcessKeepsItsFolderAKilledOneLosesIt() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        HoldUploadCache.class.getName(), tmp.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      Path held = Path.of(new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream())).readLine());
      try (UploadCache mine = UploadCache.create(tmp)) {
        assertThat(held).as("another live process's folder").exists();
      }
      other.destroyForcibly().waitFor(); // kill -9: its folder stays behind, unlocked
      assertThat(held).exists();
      try (UploadCache next = UploadCache.create(tmp)) {
        assertThat(held).as("a killed process's folder").doesNotExist();
      }
    } finally {
      other.destroyForcibly();
    }
  }
}
