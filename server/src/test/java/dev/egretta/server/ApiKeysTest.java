package dev.egretta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.Organisation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {
  @TempDir
  Path dir;

  @Test
  void generatedKeysAreAppendedAsHashesAndFoundAgain() throws Exception {
    Path file = dir.resolve("conf/keys.txt");
    ApiKeys.GeneratedKey acme = ApiKeys.generate(Organisation.of("acme"));
    ApiKeys.GeneratedKey globex = ApiKeys.generate(Organisation.of("globex"));
    ApiKeys.append(file, acme);
    ApiKeys.append(file, globex);

    assertThat(acme.key()).startsWith("egret_").hasSizeGreaterThan(40);
    assertThat(acme.key()).isNotEqualTo(globex.key());
    String text = Files.readString(file);
    assertThat(text).doesNotContain(acme.key()).contains(acme.line()).contains(globex.line());
    assertThat(acme.line()).matches("acme sha256:[0-9a-f]{64}");
    assertThat(acme.toString()).doesNotContain(acme.key());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

    ApiKeys keys = ApiKeys.load(file);
    assertThat(keys.size()).isEqualTo(2);
    assertThat(keys.organisationOf(acme.key())).contains(Organisation.of("acme"));
    assertThat(keys.organisationOf(globex.key())).contains(Organisation.of("globex"));
    assertThat(keys.organisationOf(acme.key() + "x")).isEmpty();
    assertThat(keys.organisationOf("")).isEmpty();
    assertThat(keys.organisationOf(null)).isEmpty();
  }

  @Test
  void commentsAndBlankLinesAreIgnoredAndUppercaseHexIsAccepted() {
    String line = ApiKeys.lineFor(Organisation.of("acme"), "egret_k");
    ApiKeys keys = ApiKeys.parse("keys", List.of("# header", "", "   ", line.toUpperCase().replace("ACME SHA256", "acme sha256")));
    assertThat(keys.organisationOf("egret_k")).contains(Organisation.of("acme"));
  }

  @Test
  void malformedLinesAreReportedWithTheirLineNumber() {
    assertThatThrownBy(() -> ApiKeys.parse("keys.txt", List.of("# ok", "acme sha256:abc")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("keys.txt line 2: expected '<organisation-id> sha256:<64 hex digits>'");
    assertThatThrownBy(() -> ApiKeys.parse("keys.txt", List.of("bad/org sha256:" + "a".repeat(64))))
        .hasMessageStartingWith("keys.txt line 1: organisation id must be");
    // '..' would name the uploads folder's parent: a keys file cannot introduce it
    assertThatThrownBy(() -> ApiKeys.parse("keys.txt", List.of("# ok", ".. sha256:" + "a".repeat(64))))
        .hasMessageStartingWith("keys.txt line 2: organisation id must be");
    String line = ApiKeys.lineFor(Organisation.of("acme"), "egret_k");
    assertThatThrownBy(() -> ApiKeys.parse("keys.txt", List.of(line, line.replace("acme", "other"))))
        .hasMessageContaining("line 2: this key hash is already listed");
  }

  @Test
  void aMissingFileSaysHowToCreateOne() {
    assertThatThrownBy(() -> ApiKeys.load(dir.resolve("absent.txt")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("does not exist")
        .hasMessageContaining("egretta keys add --org ORG");
  }
}
