package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.testsupport.HashingEmbeddingModel;
import dev.egretta.testsupport.TestDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formats {@link MixedFormatsIngestTest} leaves out, written at test time: Word 97-2003 (DOC),
 * PowerPoint 97-2003 (PPT), OpenDocument text (ODT) and RTF, each under a name that does not give its
 * format away. Through the public ingestion API: none rejected, each told by content, a question answered
 * only in one file finds it among the top 5, with the slide number for PPT and no page (0, shown as
 * {@code page_number: null}) for the others; ODT and DOC keep their headings.
 */
class OfficeFormatsIngestTest {
  @TempDir Path dir;

  @Test
  void docPptOdtAndRtfIndexWithTheirPagesOrNoneAndAreRetrievable() throws Exception {
    Path folder = dir.resolve("docs/policies/pdf/general");
    TestDocuments.doc(folder.resolve("legacy-manual.doc"), List.of("Legacy Manual",
        "Forklift operators renew their licence every thirty months.", "Keys stay in the locked cabinet."));
    TestDocuments.ppt(folder.resolve("induction.ppt"), List.of("Induction day one.",
        "Fire wardens wear orange helmets during evacuation drills.", "Questions and answers."));
    Map<String, String> sections = new LinkedHashMap<>();
    sections.put("Expenses", "Receipts are uploaded within ten days of purchase.");
    sections.put("Vehicle Pool", "Pool cars are refuelled by the last driver before return.");
    TestDocuments.odt(folder.resolve("finance.odt"), sections);
    TestDocuments.rtf(folder.resolve("memo.rtf"), List.of("Memo to all staff.",
        "Visitor badges are returned to reception before seven in the evening."));
    // Formats are told by content: the same files again under names of other formats
    Files.copy(folder.resolve("induction.ppt"), folder.resolve("induction-copy.docx"));
    Files.copy(folder.resolve("legacy-manual.doc"), folder.resolve("legacy-manual-copy.txt"));

    LuceneConfig config = LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel()).build();
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"), config)) {
      IngestReport report = kb.ingest(LocalFolderSource.of(dir.resolve("docs")), IngestOptions.publicLibrary(),
          IngestListener.NONE);
      assertThat(report.rejected()).isEmpty();
      assertThat(report.documentsIndexed()).isEqualTo(6);
      assertThat(report.pages()).as("3 slides twice, one text for each of the other 4").isEqualTo(3 + 3 + 4);

      assertTop5(kb, "How often do forklift operators renew their licence?", "legacy-manual.doc", 0, "Legacy Manual");
      assertTop5(kb, "How often do forklift operators renew their licence?", "legacy-manual-copy.txt", 0, null);
      assertTop5(kb, "What do fire wardens wear during evacuation drills?", "induction.ppt", 2, null);
      assertTop5(kb, "What do fire wardens wear during evacuation drills?", "induction-copy.docx", 2, null);
      assertTop5(kb, "Within how many days are receipts uploaded?", "finance.odt", 0, "Expenses");
      assertTop5(kb, "When are visitor badges returned to reception?", "memo.rtf", 0, null);
    }
  }

  private static void assertTop5(LuceneKnowledgeBase kb, String question, String file, int page, String heading) {
    List<RetrievedPassage> hits = kb.retrieve(new RetrievalRequest(question, SearchScope.publicOnly("policies", "general"), 5));
    assertThat(hits).as(question + " -> " + file).anySatisfy(h -> {
      assertThat(h.filename()).isEqualTo(file);
      assertThat(h.startPage()).isEqualTo(page);
      assertThat(h.endPage()).isEqualTo(page);
      if (heading != null) {
        assertThat(h.heading()).isEqualTo(heading);
      }
    });
  }
}
