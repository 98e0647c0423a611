package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.testsupport.TestPdfs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two documents with the same text tie exactly in both lists. The Lucene index lists them in index
 * order (the later-ingested alpha.pdf second); the fused ranking must not: it ends exact ties in chunk
 * id order, as {@link BackendParts#fuse} does for another backend, whatever order that engine returns.
 */
class FusionTieRuleTest {
  @TempDir Path dir;

  @Test
  void bothBackendsEndExactTiesInChunkIdOrder() throws Exception {
    Path root = dir.resolve("corpus");
    List<String> page = List.of("Key Rotation\n\nEncryption keys are rotated every ninety days by the key custodian,"
        + " and the rotation is recorded in the key management log.");
    TestPdfs.pdf().title("Key Rotation").pages(page).write(root.resolve("information-security/pdf/us/zeta.pdf"));
    LuceneConfig config = LuceneConfig.builder().build();
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"), config)) {
      kb.ingest(LocalFolderSource.of(root), IngestOptions.publicLibrary(), IngestListener.NONE);
      TestPdfs.pdf().title("Key Rotation").pages(page).write(root.resolve("information-security/pdf/us/alpha.pdf"));
      kb.ingest(LocalFolderSource.of(root), IngestOptions.publicLibrary(), IngestListener.NONE);

      RetrievalRequest request = new RetrievalRequest("How often are encryption keys rotated?",
          SearchScope.publicOnly("information-security", "us"), 5);
      List<ExplainedPassage> hits = kb.explain(request, RetrieverKind.HYBRID);
      assertThat(hits).hasSize(2);
      // Lucene's own lists hold zeta (index order) first...
      assertThat(hits.get(1).bm25Rank()).isEqualTo(1);
      assertThat(hits.get(1).denseRank()).isEqualTo(1);
      assertThat(hits.get(0).fused()).isEqualTo(hits.get(1).fused());
      // ...and the fused ranking ends the tie by chunk id.
      assertThat(hits.get(0).passage().chunkId()).endsWith("alpha.pdf#0");
      assertThat(hits.get(1).passage().chunkId()).endsWith("zeta.pdf#0");

      try (BackendParts parts = BackendParts.create(config)) {
        for (boolean reversed : new boolean[] {false, true}) {
          List<BackendParts.Hit> lexical = new ArrayList<>();
          List<BackendParts.Hit> dense = new ArrayList<>();
          for (ExplainedPassage h : reversed ? hits.reversed() : hits) {
            lexical.add(new BackendParts.Hit(h.passage().chunkId(), 3.5));
            dense.add(new BackendParts.Hit(h.passage().chunkId(), 0.8));
          }
          assertThat(parts.fuse(lexical, dense)).extracting(BackendParts.Fused::id)
              .containsExactly(hits.get(0).passage().chunkId(), hits.get(1).passage().chunkId());
        }
      }
    }
  }
}
