package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.spi.SourceDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFolderSourceTest {
  @TempDir Path dir;

  @Test
  void filesDocumentsByTheBucketLayout() throws Exception {
    Path pdf = dir.resolve("cloud-security/pdf/us/play book.pdf");
    Files.createDirectories(pdf.getParent());
    Files.writeString(pdf, "%PDF-1.4");
    Files.writeString(dir.resolve("cloud-security/README.txt"), "ignored: outside the layout");
    Files.writeString(dir.resolve("cloud-security/pdf/us/notes.md"), "# Notes");
    Files.writeString(dir.resolve("cloud-security/pdf/us/image.png"), "ignored: not a document type");
    List<SourceDocument> docs = LocalFolderSource.of(dir).list();
    assertThat(docs).extracting(SourceDocument::filename).containsExactly("notes.md", "play book.pdf");
    SourceDocument d = docs.get(1);
    assertThat(d.domain()).isEqualTo("cloud-security");
    assertThat(d.category()).isEqualTo("us");
    assertThat(d.filename()).isEqualTo("play book.pdf");
    assertThat(d.uri()).startsWith("file:///").endsWith("/cloud-security/pdf/us/play%20book.pdf");
    assertThat(d.version()).startsWith("8:");
    try (var in = LocalFolderSource.of(dir).open(d)) {
      assertThat(new String(in.readAllBytes())).isEqualTo("%PDF-1.4");
    }
  }

  @Test
  void namesFilesOutsideTheLayoutUnlessDefaultsAreGiven() throws Exception {
    Files.writeString(dir.resolve("loose.pdf"), "%PDF-1.4");
    assertThatThrownBy(() -> LocalFolderSource.of(dir).list())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("loose.pdf").hasMessageContaining("--domain");
    List<SourceDocument> docs = LocalFolderSource.of(dir).withDefaults("risk-management", "sg").list();
    assertThat(docs).singleElement().satisfies(d -> {
      assertThat(d.domain()).isEqualTo("risk-management");
      assertThat(d.category()).isEqualTo("sg");
    });
  }
}
