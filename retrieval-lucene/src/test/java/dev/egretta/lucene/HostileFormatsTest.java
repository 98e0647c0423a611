package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.spi.SourceDocument;
import dev.egretta.testsupport.HashingEmbeddingModel;
import dev.egretta.testsupport.HostileDocuments;
import dev.egretta.testsupport.TestDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile documents of the new formats in one batch with well-formed ones, through the public API:
 * each ends rejected with a reason or indexed (possibly truncated) within bounded time and memory
 * (the surefire JVM's heap), and the well-formed documents of the batch are indexed.
 */
class HostileFormatsTest {
  @TempDir Path dir;

  @Test
  @Timeout(300)
  void hostileWordHtmlAndScansEndWithAReasonAndTheRestOfTheBatchIsIndexed() throws Exception {
    Path folder = dir.resolve("docs/hostile/pdf/all");
    HostileDocuments.zipBombDocx(folder.resolve("zip-bomb.docx"), 200);
    HostileDocuments.entityExpansionDocx(folder.resolve("laughs.docx"));
    Files.writeString(folder.resolve("laughs.xhtml"), HostileDocuments.entityExpansionXhtml());
    Files.writeString(folder.resolve("deep.html"), HostileDocuments.deepHtml(200_000));
    HostileDocuments.hugePageScan(folder.resolve("huge-page.pdf"));
    Map<String, String> ok = new LinkedHashMap<>();
    ok.put("Control Section", "The control document is indexed beside the hostile ones.");
    TestDocuments.docx(folder.resolve("control.docx"), ok);
    Files.writeString(folder.resolve("control.md"), "# Control\n\nA well-formed Markdown file of the same batch.\n");

    Map<String, DocumentOutcome> outcomes = new LinkedHashMap<>();
    Map<String, String> details = new LinkedHashMap<>();
    LuceneConfig config = LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel())
        .parseTimeLimit(Duration.ofSeconds(20)).build();
    long start = System.nanoTime();
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"), config)) {
      kb.ingest(LocalFolderSource.of(dir.resolve("docs")), IngestOptions.publicLibrary(), new IngestListener() {
        @Override
        public void documentFinished(SourceDocument d, DocumentOutcome o, String detail) {
          outcomes.put(d.filename(), o);
          details.put(d.filename(), detail);
        }
      });
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    details.forEach((f, d) -> System.out.printf("%s\t%s\t%s%n", f, outcomes.get(f), d));

    assertThat(outcomes).hasSize(7);
    assertThat(outcomes.values()).allSatisfy(o ->
        assertThat(o).isIn(EnumSet.of(DocumentOutcome.INDEXED, DocumentOutcome.INDEXED_TRUNCATED, DocumentOutcome.REJECTED)));
    outcomes.forEach((f, o) -> {
      if (o == DocumentOutcome.REJECTED) {
        assertThat(details.get(f)).as(f).isNotBlank();
      }
    });
    // POI and Tika stream the 200 MB part without keeping it (a quiet machine indexes the one real
    // paragraph in seconds; a loaded one hits the time limit): either ends it, neither hangs or exhausts
    assertThat(outcomes.get("zip-bomb.docx")).isIn(EnumSet.of(DocumentOutcome.INDEXED, DocumentOutcome.REJECTED));
    assertThat(outcomes.get("laughs.docx")).isEqualTo(DocumentOutcome.REJECTED);
    assertThat(outcomes.get("control.docx")).isEqualTo(DocumentOutcome.INDEXED);
    assertThat(outcomes.get("control.md")).isEqualTo(DocumentOutcome.INDEXED);
    assertThat(seconds).as("the whole batch").isLessThan(240);
  }

  @Test
  void entitiesDeclaredInADoctypeAreNeverExpanded() throws Exception {
    try (TextExtractor extractor = new TextExtractor(Duration.ofSeconds(20), 1_000_000)) {
      String xhtml = HostileDocuments.entityExpansionXhtml();
      ExtractedText text = extractor.extract(xhtml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(text.pages().get(0).length()).as("a billion laughs would be 3 GB").isLessThan(10_000);
    } catch (RejectedException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
