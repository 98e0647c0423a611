package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.testsupport.TestPdfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextExtractorTest {
  private static final TextExtractor EXTRACTOR = new TextExtractor(Duration.ofSeconds(20), 1_000_000);

  @TempDir Path dir;

  @AfterAll
  static void close() {
    EXTRACTOR.close();
  }

  @Test
  void keepsEachPhysicalPageSeparateAndReadsTheTitle() throws Exception {
    Path pdf = TestPdfs.pdf().title("Backup Procedure").pages(List.of("Alpha text is on the first page.", "", "Gamma text is on the third page."))
        .write(dir.resolve("a.pdf"));
    ExtractedText text = EXTRACTOR.extract(Files.readAllBytes(pdf));
    assertThat(text.pageCount()).isEqualTo(3);
    assertThat(text.pages().get(0)).contains("Alpha text");
    assertThat(text.pages().get(1)).isBlank();
    assertThat(text.pages().get(2)).contains("Gamma text");
    assertThat(text.title()).isEqualTo("Backup Procedure");
    assertThat(text.truncated()).isFalse();
  }

  @Test
  void rejectsEmptyAndUnsupportedFilesWithAReason() {
    assertThatThrownBy(() -> EXTRACTOR.extract(new byte[0])).isInstanceOf(RejectedException.class).hasMessage("empty file");
    assertThatThrownBy(() -> EXTRACTOR.extract(new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3, 4, 5}))
        .isInstanceOf(RejectedException.class).hasMessageContaining("unsupported format");
  }

  @Test
  void rejectsPasswordProtectedPdfs() throws Exception {
    Path pdf = TestPdfs.pdf().title("Secret").pages(List.of("Classified text.")).userPassword("user-pw")
        .write(dir.resolve("secret.pdf"));
    assertThatThrownBy(() -> EXTRACTOR.extract(Files.readAllBytes(pdf)))
        .isInstanceOf(RejectedException.class).hasMessageContaining("encrypted");
  }

  @Test
  void rejectsMalformedPdfs() {
    byte[] junk = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer garbage".getBytes();
    assertThatThrownBy(() -> EXTRACTOR.extract(junk)).isInstanceOf(RejectedException.class);
  }

  @Test
  void recordsTruncationAtTheCharacterLimit() throws Exception {
    String page = "This sentence is repeated to fill the page with text. ".repeat(40);
    Path pdf = TestPdfs.pdf().title("Long").pages(List.of(page, page, page, page)).write(dir.resolve("long.pdf"));
    TextExtractor small = new TextExtractor(Duration.ofSeconds(20), 3000);
    try {
      ExtractedText text = small.extract(Files.readAllBytes(pdf));
      assertThat(text.truncated()).isTrue();
      assertThat(String.join("", text.pages()).length()).isLessThanOrEqualTo(3000);
      assertThat(text.pages().get(0)).contains("repeated");
    } finally {
      small.close();
    }
  }
}
