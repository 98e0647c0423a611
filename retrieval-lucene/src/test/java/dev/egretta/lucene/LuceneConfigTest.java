package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.core.spi.SourceDocument;
import dev.egretta.testsupport.HashingEmbeddingModel;
import dev.egretta.testsupport.TestPdfs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneConfigTest {
  @TempDir Path dir;

  @Test
  void rejectsBadValuesNamingThem() {
    assertThatThrownBy(() -> LuceneConfig.builder().chunkTokens(10)).hasMessageContaining("chunkTokens").hasMessageContaining("10");
    assertThatThrownBy(() -> LuceneConfig.builder().denseWeight(1.5)).hasMessageContaining("denseWeight");
    assertThatThrownBy(() -> LuceneConfig.builder().queryCacheSize(-1)).hasMessageContaining("queryCacheSize");
    assertThatThrownBy(() -> LuceneConfig.builder().bm25(0, 0.4)).hasMessageContaining("bm25 k1 must be in (0, 10]; got 0.0");
    assertThatThrownBy(() -> LuceneConfig.builder().bm25(0.9, -0.1)).hasMessageContaining("bm25 b must be in [0, 1]; got -0.1");
    assertThatThrownBy(() -> LuceneConfig.builder().bm25Proximity(-0.1)).hasMessageContaining("bm25Proximity must be in [0, 10]; got -0.1");
    assertThat(LuceneConfig.builder().build().bm25Proximity()).isEqualTo(dev.egretta.core.pipeline.FittedRelevance.defaults().bm25Proximity());
    assertThatThrownBy(() -> LuceneConfig.builder().bm25ProximitySlop(17)).hasMessageContaining("bm25ProximitySlop").hasMessageContaining("17");
    assertThat(LuceneConfig.builder().build().bm25ProximitySlop())
        .isEqualTo(dev.egretta.core.pipeline.FittedRelevance.defaults().bm25ProximitySlop());
    assertThatThrownBy(() -> LuceneConfig.builder().chunkTokens(100).chunkOverlapTokens(80).build())
        .hasMessageContaining("chunkOverlapTokens");
    assertThatThrownBy(() -> LuceneConfig.builder().commitInterval(java.time.Duration.ofMillis(5)))
        .hasMessageContaining("commitInterval").hasMessageContaining("PT0.005S");
    assertThatThrownBy(() -> LuceneConfig.builder().commitInterval(java.time.Duration.ofDays(2)))
        .hasMessageContaining("commitInterval");
    assertThat(LuceneConfig.defaults().commitInterval()).isEqualTo(java.time.Duration.ofSeconds(5));
    assertThatThrownBy(() -> new ScoreCalibration(0.5, -1)).hasMessageContaining("slope");
    assertThatThrownBy(() -> RetrieverKind.parse("sparse")).hasMessageContaining("bm25, dense, hybrid");
  }

  @Test
  void theFittedFusionServesTheBuiltInModelAndAnotherModelGetsPlainRrfUnlessTold() {
    dev.egretta.core.pipeline.FittedRelevance fitted = dev.egretta.core.pipeline.FittedRelevance.defaults();
    LuceneConfig builtIn = LuceneConfig.defaults();
    assertThat(builtIn.fusion()).isEqualTo(Fusion.parse(fitted.fusion()));
    assertThat(builtIn.denseWeight()).isEqualTo(fitted.denseWeight());

    LuceneConfig custom = LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel()).build();
    assertThat(custom.fusion()).isEqualTo(Fusion.RRF);
    assertThat(custom.rrfK()).isEqualTo(LuceneConfig.PLAIN_RRF_K);
    assertThat(custom.denseWeight()).isEqualTo(0.5);

    LuceneConfig told = LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel()).denseWeight(0.3).build();
    assertThat(told.fusion()).as("what was set is kept, with the rest at its defaults").isEqualTo(Fusion.parse(fitted.fusion()));
    assertThat(told.denseWeight()).isEqualTo(0.3);
  }

  @Test
  void theQueryCacheAnswersARepeatedQuestionWithoutTheModelUnlessItsSizeIsZero() {
    CountingEmbedder counting = new CountingEmbedder();
    QueryCachingEmbedder cached = new QueryCachingEmbedder(counting, 2);
    cached.embedQuery("a");
    cached.embedQuery("a");
    assertThat(counting.queries).isEqualTo(1);
    cached.embedQuery("b");
    cached.embedQuery("c"); // evicts "a", the least recently used
    cached.embedQuery("a");
    assertThat(counting.queries).isEqualTo(4);

    CountingEmbedder uncounted = new CountingEmbedder();
    QueryCachingEmbedder none = new QueryCachingEmbedder(uncounted, 0);
    none.embedQuery("a");
    none.embedQuery("a");
    assertThat(uncounted.queries).isEqualTo(2);
    assertThat(LuceneConfig.defaults().queryCacheSize()).isEqualTo(QueryCachingEmbedder.DEFAULT_CAPACITY);
  }

  /** Counts query embeddings; vectors are the text's length. */
  private static final class CountingEmbedder implements Embedder {
    int queries;

    @Override
    public String id() {
      return "counting";
    }

    @Override
    public int dimension() {
      return 1;
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
      return texts.stream().map(t -> new float[] {t.length()}).toList();
    }

    @Override
    public float[] embedQuery(String query) {
      queries++;
      return new float[] {query.length()};
    }

    @Override
    public TokenCounter tokenCounter() {
      return TokenCounter.estimate();
    }
  }

  private Path corpus() throws Exception {
    Path root = dir.resolve("corpus");
    for (int i = 0; i < 6; i++) {
      TestPdfs.pdf().title("Doc " + i).pages(List.of(
          "Topic " + i + " covers " + List.of("firewalls", "backups", "passwords", "audits", "vendors", "training").get(i)
              + " in detail. The " + List.of("firewalls", "backups", "passwords", "audits", "vendors", "training").get(i)
              + " policy applies to every office of the agency."))
          .write(root.resolve("ops/pdf/us/doc" + i + ".pdf"));
    }
    return root;
  }

  @Test
  void worksWithAnyEmbeddingModelInt8AndConvexFusionAndSearchesDuringIngestion() throws Exception {
    LuceneConfig config = LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel())
        .int8Quantization(true).fusion(Fusion.CONVEX).denseWeight(0.3).batchChunks(16).build();
    Path index = dir.resolve("index");
    SearchScope scope = SearchScope.publicOnly("ops", "us");
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index, config)) {
      List<Integer> visibleWhileIngesting = new ArrayList<>();
      kb.ingest(LocalFolderSource.of(corpus()), IngestOptions.publicLibrary(), new IngestListener() {
        @Override
        public void documentFinished(SourceDocument d, DocumentOutcome o, String detail) {
          visibleWhileIngesting.add(kb.retrieve(new RetrievalRequest("policy agency office", scope, 50)).size());
        }
      });
      assertThat(visibleWhileIngesting).hasSize(6).allSatisfy(n -> assertThat(n).isPositive());
      List<RetrievedPassage> hits = kb.retrieve(new RetrievalRequest("What does the backups policy cover?", scope, 3));
      assertThat(hits.get(0).filename()).isEqualTo("doc1.pdf");
      assertThat(hits).allSatisfy(h -> assertThat(h.score()).isBetween(0.0, 1.0));
    }
    assertThatThrownBy(() -> LuceneKnowledgeBase.open(index).close())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("test-hashing-64");
  }

  @Test
  void refusesASecondWriterOnTheSameIndex() {
    LuceneConfig config = LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel()).build();
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"), config)) {
      assertThatThrownBy(() -> LuceneKnowledgeBase.open(dir.resolve("index"), config))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("already open");
    }
  }
}
