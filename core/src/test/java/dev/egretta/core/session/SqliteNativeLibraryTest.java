package dev.egretta.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteNativeLibraryTest {
  @TempDir Path dir;

  @Test
  void theDriversLibraryIsCopiedOnceAndReused() throws Exception {
    Optional<Path> first = SqliteNativeLibrary.copy(dir.resolve("cache"));
    assumeTrue(first.isPresent(), "no certain SQLite library folder for this platform");
    Path library = first.get().resolve(SqliteNativeLibrary.LIBRARY);
    long expected = SqliteNativeLibrary.class.getResource("/org/sqlite/native/" + SqliteNativeLibrary.folder().orElseThrow()
        + "/" + SqliteNativeLibrary.LIBRARY).openConnection().getContentLengthLong();
    assertThat(Files.size(library)).isEqualTo(expected);
    var written = Files.getLastModifiedTime(library);
    Thread.sleep(20);

    assertThat(SqliteNativeLibrary.copy(dir.resolve("cache"))).contains(first.get());
    assertThat(Files.getLastModifiedTime(library)).isEqualTo(written);
  }

  @Test
  void aStoreOpensWithTheDriverPointedAtTheCachedLibrary() {
    try (JdbcSessionStore store = JdbcSessionStore.sqlite(dir.resolve("sessions.db"))) {
      assertThat(store.recent(dev.egretta.core.Organisation.of("org-" + UUID.randomUUID()), 5)).isEmpty();
    }
    assumeTrue(SqliteNativeLibrary.folder().isPresent(), "the driver extracts its own library on this platform");
    String folder = System.getProperty(SqliteNativeLibrary.PATH_PROPERTY);
    assertThat(folder).as("the driver is pointed at the cached copy").isNotNull();
    assertThat(Path.of(folder).resolve(System.getProperty(SqliteNativeLibrary.NAME_PROPERTY))).isRegularFile();
  }
}
