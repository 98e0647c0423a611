package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.egretta.core.spi.SourceDocument;
import dev.egretta.testsupport.TestDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JBIG2-compressed scans (which PDFBox cannot decode) are rendered by pdftoppm in a child process and
 * read by OCR with exact page numbers; a renderer that hangs is killed at the page time limit and
 * leaves no process behind. Needs tesseract and pdftoppm ({@code .ci/setup.d/tesseract.sh},
 * {@code poppler.sh}); skipped without them.
 */
class Jbig2ScansTest {
  @TempDir Path dir;

  private static byte[] jbig2Scan(Path dir) throws Exception {
    return Files.readAllBytes(TestDocuments.jbig2ScannedPdf(dir.resolve("scan.pdf"), MixedFormatsIngestTest.scannedPages()));
  }

  @Test
  void theGeneratedScanIsJbig2AndHasNoTextLayer() throws Exception {
    byte[] scan = jbig2Scan(dir);
    try (PDDocument doc = Loader.loadPDF(scan)) {
      assertThat(PageImages.jbig2(doc.getPage(1))).isTrue();
    }
    try (PDDocument text = Loader.loadPDF(dev.egretta.testsupport.TestPdfs.pdf().pages(List.of("Plain text page.")).bytes())) {
      assertThat(PageImages.jbig2(text.getPage(0))).isFalse();
    }
    try (TextExtractor extractor = new TextExtractor(Duration.ofSeconds(20), 1_000_000)) {
      assertThat(extractor.extract(scan).pages()).hasSize(3).allSatisfy(p -> assertThat(p).isBlank());
    }
  }

  @Test
  void aJbig2ScanIsReadByOcrWithExactPageNumbers() throws Exception {
    assumeTrue(TesseractOcr.system().available(), "tesseract not installed (run .ci/setup.d/tesseract.sh); skipping OCR");
    assumeTrue(PopplerRenderer.system().available(), "pdftoppm not installed (run .ci/setup.d/poppler.sh); skipping");
    try (TextExtractor extractor = new TextExtractor(Duration.ofSeconds(20), 1_000_000);
        ParseStage stage = new ParseStage(extractor, new Chunker(TokenCounter.estimate(), 256, 32), false, OcrMode.AUTO)) {
      stage.submit(doc("scan.pdf"), "a", jbig2Scan(dir));
      ParsedDocument parsed = stage.next();
      assertThat(parsed.rejection()).isNull();
      assertThat(parsed.text().pages().get(1).replaceAll("\\s+", " ")).contains("wiped by the helpdesk within five business days");
      assertThat(parsed.chunks()).anySatisfy(c -> {
        assertThat(c.text()).contains("Quarantined laptops");
        assertThat(c.startPage()).isEqualTo(2);
      });
    }
  }

  @Test
  void aRendererThatHangsIsKilledAtThePageLimitAndThePageStaysUnread() throws Exception {
    assumeTrue(TesseractOcr.system().available(), "tesseract not installed (run .ci/setup.d/tesseract.sh); skipping OCR");
    Path hang = dir.resolve("pdftoppm-that-hangs");
    Files.writeString(hang, "#!/bin/sh\nif [ \"$1\" = -v ]; then exit 0; fi\nexec sleep 600\n");
    Files.setPosixFilePermissions(hang, PosixFilePermissions.fromString("rwx------"));
    byte[] scan = jbig2Scan(dir);
    try (ScannedPages pages = new ScannedPages(TesseractOcr.system(), new PopplerRenderer(hang.toString()), OcrMode.AUTO,
        Duration.ofSeconds(2))) {
      long start = System.nanoTime();
      ScannedPages.Result result = pages.fill(scan, List.of("", "", ""));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
      assertThat(result.pages()).allSatisfy(p -> assertThat(p).isBlank());
      assertThat(result.ocrPages()).isZero();
    }
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().orElse("").endsWith("sleep"))).isEmpty();
  }

  private static SourceDocument doc(String name) {
    return new SourceDocument("file:///t/" + name, name, "policies", "general", 1, "1");
  }
}
