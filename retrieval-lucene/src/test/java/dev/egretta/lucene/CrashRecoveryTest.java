package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.testsupport.HashingEmbeddingModel;
import dev.egretta.testsupport.TestPdfs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a real child JVM in the middle of an ingestion and checks that the index recovers. */
class CrashRecoveryTest {
  private static final int DOCUMENTS = 24;

  @TempDir Path dir;

  @Test
  void aKilledIngestionLeavesAnOpenableIndexAndARerunCompletesItExactly() throws Exception {
    Path corpus = dir.resolve("corpus");
    for (int i = 0; i < DOCUMENTS; i++) {
      StringBuilder page = new StringBuilder();
      for (int s = 0; s < 40; s++) {
        page.append("Document ").append(i).append(" sentence ").append(s).append(" describes control number ")
            .append(i * 100 + s).append(" of the continuity plan. ");
      }
      TestPdfs.pdf().title("Doc " + i).pages(List.of(page.toString(), page.toString()))
          .write(corpus.resolve("bc/pdf/us/doc" + (100 + i) + ".pdf"));
    }
    Path index = dir.resolve("index");

    Process child = ChildJvm.start(CrashChild.class, index.toString(), corpus.toString(), "150");
    int committed = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("committed ") && ++committed == 5) {
          break;
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(committed).as("the child committed some documents before it was killed").isEqualTo(5);

    LuceneConfig config = LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel()).batchChunks(16).build();
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index, config)) {
      List<IndexedDocument> survivors = kb.documents(Optional.empty());
      assertThat(survivors.size()).isBetween(5, DOCUMENTS - 1);
      for (IndexedDocument d : survivors) {
        assertThat(kb.chunkIds(Optional.empty(), d.uri())).hasSize(d.chunks());
      }

      IngestReport rerun = kb.ingest(LocalFolderSource.of(corpus), IngestOptions.publicLibrary(), IngestListener.NONE);
      assertThat(rerun.documentsUnchanged()).isEqualTo(survivors.size());
      assertThat(rerun.documentsIndexed()).isEqualTo(DOCUMENTS - survivors.size());

      List<IndexedDocument> all = kb.documents(Optional.empty());
      assertThat(all).hasSize(DOCUMENTS);
      List<String> ids = new ArrayList<>();
      for (IndexedDocument d : all) {
        List<String> chunkIds = kb.chunkIds(Optional.empty(), d.uri());
        assertThat(chunkIds).hasSize(d.chunks()).isNotEmpty();
        ids.addAll(chunkIds);
      }
      assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
      assertThat(kb.chunkCount()).isEqualTo(ids.size());
    }
  }
}
