package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.core.spi.SourceDocument;
import dev.egretta.testsupport.HashingEmbeddingModel;
import dev.egretta.testsupport.TestDocuments;
import dev.egretta.testsupport.TestPdfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of every format (text PDF, scanned PDF, DOCX, PPTX, HTML, Markdown) through the public
 * ingestion API: nothing rejected, and a question answered only in one file finds that file (and its
 * page, where it has pages) among the top 5. OCR tests need tesseract ({@code .ci/setup.d/tesseract.sh}).
 */
class MixedFormatsIngestTest {
  static final String SCANNED_ANSWER =
      "Quarantined laptops are wiped by the helpdesk within five business days of the report.";

  @TempDir Path dir;

  static List<String> scannedPages() {
    return List.of(
        "Chapter one describes the purpose of this manual. It applies to every office of the company, to every "
            + "employee and contractor, and to every device that the company owns or that connects to its network.\n\n"
            + "The security team reviews the manual once a year and publishes the changes on the intranet.",
        "Device handling rules.\n\n" + SCANNED_ANSWER,
        "Chapter three lists the contacts of the facilities team.\n\nCall them for broken doors.");
  }

  /** Writes the mixed folder under {@code root}; every file is under policies/pdf/general. */
  static Path mixedFolder(Path root) throws Exception {
    Path folder = root.resolve("policies/pdf/general");
    TestPdfs.write(folder.resolve("text.pdf"), List.of("Passwords are at least fourteen characters long.",
        "Multi-factor authentication protects remote access."));
    TestDocuments.scannedPdf(folder.resolve("scanned.pdf"), scannedPages());
    Map<String, String> sections = new LinkedHashMap<>();
    sections.put("Records Retention", "Payroll ledgers are archived offsite for eleven years before destruction.");
    sections.put("Travel", "Economy class is booked for flights under six hours.");
    TestDocuments.docx(folder.resolve("handbook.docx"), sections);
    TestDocuments.pptx(folder.resolve("training.pptx"), List.of("Welcome to the security awareness training.",
        "Phishing emails are forwarded to the abuse mailbox.", "Tailgating through badge doors is forbidden."));
    Files.writeString(folder.resolve("wiki.html"), "<html><body><h2>Visitors</h2><p>Visitors wear a red lanyard at all times."
        + "</p></body></html>");
    Files.writeString(folder.resolve("notes.md"), "# Clean Desk\n\nConfidential papers are locked in drawers overnight.\n");
    return root;
  }

  @Test
  void aMixedFolderIndexesWithoutRejectionsAndAnswersComeFromTheRightFileAndPage() throws Exception {
    assumeTrue(TesseractOcr.system().available(), "tesseract not installed (run .ci/setup.d/tesseract.sh); skipping OCR");
    Path root = mixedFolder(dir.resolve("docs"));
    LuceneConfig config = LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel()).build();
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"), config)) {
      IngestReport report = kb.ingest(LocalFolderSource.of(root), IngestOptions.publicLibrary(), IngestListener.NONE);
      assertThat(report.rejected()).isEmpty();
      assertThat(report.documentsIndexed()).isEqualTo(6);

      assertTop5(kb, "How soon are quarantined laptops wiped by the helpdesk?", "scanned.pdf", 2);
      assertTop5(kb, "How long are payroll ledgers archived offsite?", "handbook.docx", 0);
      assertTop5(kb, "Where are phishing emails forwarded?", "training.pptx", 2);
      assertTop5(kb, "What colour lanyard do visitors wear?", "wiki.html", 0);
      assertTop5(kb, "Where are confidential papers locked overnight?", "notes.md", 0);
    }
  }

  private static void assertTop5(LuceneKnowledgeBase kb, String question, String file, int page) {
    List<RetrievedPassage> hits = kb.retrieve(new RetrievalRequest(question, SearchScope.publicOnly("policies", "general"), 5));
    assertThat(hits).as(question).anySatisfy(h -> {
      assertThat(h.filename()).isEqualTo(file);
      assertThat(h.startPage()).isEqualTo(page);
    });
  }

  @Test
  void ocrOffLeavesAScannedPdfRejectedAsWithoutText() throws Exception {
    Path root = dir.resolve("docs");
    TestDocuments.scannedPdf(root.resolve("policies/pdf/general/scanned.pdf"), scannedPages());
    LuceneConfig config = LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel()).build();
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"), config)) {
      IngestReport off = kb.ingest(LocalFolderSource.of(root), IngestOptions.publicLibrary().withOcr(OcrMode.OFF), IngestListener.NONE);
      assertThat(off.rejected()).singleElement()
          .satisfies(r -> assertThat(r.reason()).startsWith("no extractable text"));
    }
  }

  @Test
  void withoutTesseractAScannedPdfIsRejectedWithTheReasonAndATextPdfIsNot() throws Exception {
    ScannedPages noOcr = new ScannedPages(new TesseractOcr("egretta-no-such-tesseract"), OcrMode.AUTO, Duration.ofSeconds(5));
    byte[] scanned = TestDocuments.scannedPdf(TestPdfs.pdf().pages(scannedPages()).bytes());
    byte[] text = TestPdfs.pdf().pages(scannedPages()).bytes();
    try (TextExtractor extractor = new TextExtractor(Duration.ofSeconds(20), 1_000_000);
        ParseStage stage = new ParseStage(extractor, new Chunker(TokenCounter.estimate(), 256, 32), false, noOcr)) {
      stage.submit(doc("scanned.pdf"), "a", scanned);
      stage.submit(doc("text.pdf"), "b", text);
      assertThat(stage.next().rejection()).isEqualTo(OcrMode.UNAVAILABLE);
      ParsedDocument parsed = stage.next();
      assertThat(parsed.rejection()).isNull();
      assertThat(parsed.chunks()).isNotEmpty();
    }
  }

  @Test
  void ocrKeepsExactPageNumbersOfAScannedPdf() throws Exception {
    assumeTrue(TesseractOcr.system().available(), "tesseract not installed (run .ci/setup.d/tesseract.sh); skipping OCR");
    byte[] scanned = TestDocuments.scannedPdf(TestPdfs.pdf().pages(scannedPages()).bytes());
    try (TextExtractor extractor = new TextExtractor(Duration.ofSeconds(20), 1_000_000);
        ParseStage stage = new ParseStage(extractor, new Chunker(TokenCounter.estimate(), 256, 32), false, OcrMode.AUTO)) {
      stage.submit(doc("scanned.pdf"), "a", scanned);
      ParsedDocument parsed = stage.next();
      assertThat(parsed.rejection()).isNull();
      assertThat(parsed.text().pages()).hasSize(3);
      assertThat(parsed.text().pages().get(1).replaceAll("\\s+", " ")).contains("wiped by the helpdesk within five business days");
      assertThat(parsed.chunks()).anySatisfy(c -> {
        assertThat(c.text()).contains("Quarantined laptops");
        assertThat(c.startPage()).isEqualTo(2);
      });
    }
  }

  private static SourceDocument doc(String name) {
    return new SourceDocument("file:///t/" + name, name, "policies", "general", 1, "1");
  }
}
