package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.testsupport.TestDocuments;
import dev.egretta.testsupport.TestPdfs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each format is told by its content and read into pages (PDF, slides) or one text (the others). */
class DocumentFormatsTest {
  private static final TextExtractor EXTRACTOR = new TextExtractor(Duration.ofSeconds(20), 1_000_000);

  @TempDir Path dir;

  @AfterAll
  static void close() {
    EXTRACTOR.close();
  }

  private ExtractedText extract(Path file) throws Exception {
    return EXTRACTOR.extract(Files.readAllBytes(file));
  }

  @Test
  void wordHasNoPagesAndKeepsItsHeadingsAsParagraphs() throws Exception {
    Map<String, String> sections = new LinkedHashMap<>();
    sections.put("Records Retention", "Payroll records are kept for seven years.\n\nThen they are shredded.");
    sections.put("Access Reviews", "Managers review access every quarter.");
    ExtractedText text = extract(TestDocuments.docx(dir.resolve("policy.bin"), sections));
    assertThat(text.paged()).isFalse();
    assertThat(text.pages()).hasSize(1);
    assertThat(text.pages().get(0)).contains("Payroll records are kept for seven years.")
        .containsPattern("Records Retention\\s*\\n\\s*\\n").contains("Managers review access every quarter.");
  }

  @Test
  void slidesAreOnePageEach() throws Exception {
    ExtractedText text = extract(TestDocuments.pptx(dir.resolve("deck.pptx"),
        List.of("Alpha slide about badges.", "Beta slide about visitors.", "Gamma slide about cameras.")));
    assertThat(text.paged()).isTrue();
    assertThat(text.pages()).hasSize(3);
    assertThat(text.pages().get(1)).contains("Beta slide about visitors.").doesNotContain("Alpha", "Gamma");
  }

  @Test
  void htmlKeepsHeadingsAndDropsScripts() throws Exception {
    Path html = Files.writeString(dir.resolve("page"), "<!DOCTYPE html><html><head><title>Wiki Page</title>"
        + "<script>var secret = 'do not index';</script></head><body><h1>Incident Response</h1>"
        + "<p>Report incidents within 24 hours.</p><table><tr><td>Severity</td><td>High</td></tr></table></body></html>");
    ExtractedText text = extract(html);
    assertThat(text.paged()).isFalse();
    assertThat(text.title()).isEqualTo("Wiki Page");
    assertThat(text.pages().get(0)).contains("Incident Response\n\n", "Report incidents within 24 hours.")
        .containsPattern("Severity\\s+High")
        .doesNotContain("do not index");
  }

  @Test
  void markdownHeadingsLoseTheirMarks() throws Exception {
    Path md = Files.writeString(dir.resolve("notes.md"), "# Password Policy\nPasswords have 14 characters.\n## Rotation\nNo forced rotation.\n");
    ExtractedText text = extract(md);
    assertThat(text.paged()).isFalse();
    assertThat(text.pages().get(0)).doesNotContain("#").contains("Password Policy\n\n", "\nRotation\n");
    List<Chunk> chunks = new Chunker(TokenCounter.estimate(), 12, 2).chunk(text.pages());
    assertThat(chunks).anySatisfy(c -> assertThat(c.heading()).isEqualTo("Rotation"));
  }

  @Test
  void rtfAndOpenDocumentLikeFormatsAreRead() throws Exception {
    Path rtf = Files.writeString(dir.resolve("memo.rtf"), "{\\rtf1\\ansi{\\fonttbl\\f0\\fswiss Helvetica;}\\f0\\pard "
        + "Visitors sign the register at reception.\\par}");
    assertThat(extract(rtf).pages().get(0)).contains("Visitors sign the register at reception.");
  }

  @Test
  void pdfsKeepTheirPagesAndUnknownBinariesAreRejected() throws Exception {
    ExtractedText pdf = extract(TestPdfs.write(dir.resolve("a.docx"), List.of("First page text here.", "Second page text.")));
    assertThat(pdf.paged()).isTrue();
    assertThat(pdf.pages()).hasSize(2);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    assertThatThrownBy(() -> EXTRACTOR.extract(png)).isInstanceOf(RejectedException.class)
        .hasMessageContaining("unsupported format (image/png)");
    assertThatThrownBy(() -> EXTRACTOR.extract("   \n ".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(RejectedException.class).hasMessageContaining("no extractable text");
  }
}
