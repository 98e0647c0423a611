package dev.egretta.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCorpusTest {

  @Test
  void writesThreeMultiPagePoliciesInTwoDomainsLaidOutAsEgretsBucket(@TempDir Path dir) throws Exception {
    List<DemoCorpus.Document> docs = DemoCorpus.write(dir);

    assertThat(docs).hasSize(3);
    assertThat(docs).extracting(DemoCorpus.Document::domain).containsOnly("business-continuity", "information-security");
    assertThat(docs).allSatisfy(d -> {
      assertThat(d.pages()).isGreaterThanOrEqualTo(3);
      assertThat(dir.relativize(d.path()).toString().replace('\\', '/'))
          .matches(d.domain() + "/pdf/" + d.category() + "/[a-z-]+\\.pdf");
    });
  }

  @Test
  void putsEachFactOnTheExpectedPageWithAPageFooter(@TempDir Path dir) throws Exception {
    Path pdf = DemoCorpus.write(dir).get(0).path();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(pageText(doc, 1)).contains("Incident Response Policy").contains("Page 1 of " + doc.getNumberOfPages());
      assertThat(pageText(doc, 2)).contains("within one hour of discovery");
      assertThat(pageText(doc, 3)).contains("no later than 36 hours");
    }
  }

  @Test
  void rewritingAnUnchangedCorpusLeavesTheFilesUntouched(@TempDir Path dir) throws Exception {
    List<DemoCorpus.Document> first = DemoCorpus.write(dir);
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    for (DemoCorpus.Document d : first) {
      Files.setLastModifiedTime(d.path(), old);
    }
    byte[] before = Files.readAllBytes(first.get(1).path());

    List<DemoCorpus.Document> second = DemoCorpus.write(dir);

    assertThat(second).allSatisfy(d -> assertThat(Files.getLastModifiedTime(d.path())).isEqualTo(old));
    assertThat(Files.readAllBytes(second.get(1).path())).isEqualTo(before);
  }

  private static String pageText(PDDocument doc, int page) throws Exception {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    return stripper.getText(doc).replaceAll("\\s+", " ");
  }
}
