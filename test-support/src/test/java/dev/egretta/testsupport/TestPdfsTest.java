package dev.egretta.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPdfsTest {
  @TempDir Path dir;

  @Test
  void writesOnePagePerStringWithItsTextAndTitle() throws Exception {
    Path file = TestPdfs.pdf().title("Backup Procedure")
        .pages(List.of("Backups run nightly.\n\nThey are kept for 30 days.", "Restores are tested monthly."))
        .write(dir.resolve("bc/pdf/us/backup.pdf"));

    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(2);
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Backup Procedure");
      assertThat(pageText(doc, 1)).contains("Backups run nightly.").contains("They are kept for 30 days.")
          .doesNotContain("Restores");
      assertThat(pageText(doc, 2)).contains("Restores are tested monthly.");
    }
  }

  @Test
  void wrapsLongLinesBetweenWordsAndKeepsBlankLines() {
    String sentence = "The recovery site team verifies every backup of the recovery site each Friday. ";
    List<String> lines = TestPdfs.wrap(sentence.repeat(5) + "\n\nEnd.");

    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(TestPdfs.WRAP));
    assertThat(String.join(" ", lines.subList(0, lines.size() - 2))).isEqualTo(sentence.repeat(5).strip());
    assertThat(lines.subList(lines.size() - 2, lines.size())).containsExactly("", "End.");
  }

  @Test
  void bytesAreTheSamePdfAsTheFile() throws Exception {
    byte[] pdf = TestPdfs.pdf().page("Zebra protocol.").bytes();

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(pageText(doc, 1)).contains("Zebra protocol.");
    }
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @Test
  void aUserPasswordEncryptsThePdf() throws Exception {
    Path file = TestPdfs.pdf().page("Classified text.").userPassword("user-pw").write(dir.resolve("secret.pdf"));

    assertThatThrownBy(() -> Loader.loadPDF(file.toFile()).close()).isInstanceOf(InvalidPasswordException.class);
    try (PDDocument doc = Loader.loadPDF(file.toFile(), "user-pw")) {
      assertThat(doc.isEncrypted()).isTrue();
      assertThat(pageText(doc, 1)).contains("Classified text.");
    }
  }

  @Test
  void refusesAPageThatDoesNotFitAndAPdfWithoutPages() {
    String tooLong = "A line.\n".repeat(80);

    assertThatThrownBy(() -> TestPdfs.write(dir.resolve("long.pdf"), List.of("Fine.", tooLong)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page 2 has 81 lines");
    assertThatThrownBy(() -> TestPdfs.pdf().bytes()).hasMessageContaining("at least one page");
    assertThatThrownBy(() -> TestPdfs.pdf().userPassword("")).hasMessageContaining("user password");
  }

  private static String pageText(PDDocument doc, int page) throws Exception {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(doc);
  }
}
