package dev.egretta.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.egretta.core.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Jazzer target (issue #15): {@code egretta serve --api-keys FILE} reads any bytes as a keys file
 * ({@link ApiKeys#load}). The outcome is the keys or a {@link ConfigurationException} whose message
 * names the file, never another exception (a stack trace at start-up); loaded keys are one per
 * line that is neither blank nor a comment, and a key the file does not hold is not accepted.
 */
class KeysFileFuzzTest {
  private static final Path FILE = temp();

  @FuzzTest(maxDuration = "10s")
  @DictionaryEntries({"sha256:", "acme ", "# ", "..", "/",
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"})
  void anyFileLoadsOrFailsWithAMessageNamingIt(byte[] content) throws IOException {
    Files.write(FILE, content);
    try {
      ApiKeys keys = ApiKeys.load(FILE);
      assertThat(keys.organisationOf("egret_a-key-no-file-can-hold-" + content.length)).isEmpty();
      long entries = new String(content, StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
      assertThat(keys.size()).as("one key per line that is not blank or a comment").isEqualTo(entries);
    } catch (ConfigurationException e) {
      assertThat(e.getMessage()).contains(FILE.toString());
    }
  }

  private static Path temp() {
    try {
      Path file = Files.createTempFile("egretta-keys-fuzz", ".txt");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
