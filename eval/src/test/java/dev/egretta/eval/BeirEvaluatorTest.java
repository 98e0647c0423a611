package dev.egretta.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.RetrieverKind;
import dev.egretta.testsupport.HashingEmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirEvaluatorTest {
  @TempDir Path dir;

  @Test
  void computesStandardRankingMetrics() {
    // relevant a (grade 1) at rank 2, b (grade 1) at rank 12, c never retrieved
    List<String> ranking = new ArrayList<>(List.of("x", "a"));
    for (int i = 0; i < 9; i++) {
      ranking.add("n" + i);
    }
    ranking.add("b");
    double[] m = RankingMetrics.of(ranking, Map.of("a", 1, "b", 1, "c", 1));
    double idcg = 1 + 1 / (Math.log(3) / Math.log(2)) + 1 / (Math.log(4) / Math.log(2));
    assertThat(m[0]).isCloseTo((1 / (Math.log(3) / Math.log(2))) / idcg, within(1e-9));
    assertThat(m[1]).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(m[2]).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(m[3]).isCloseTo(0.5, within(1e-9));
  }

  /** A 400-document slice of SciFact (written to a temp dir at test time) through the real path. */
  @Test
  void evaluatesABeirSliceThroughTheChunkIndexSearchPathAndReusesTheIndex() throws Exception {
    Path scifact = Path.of(System.getProperty("egretta.shared", "../shared"), "eval", "scifact");
    assumeTrue(Files.isRegularFile(scifact.resolve("corpus.jsonl")), "shared data absent: " + scifact);
    Path slice = dir.resolve("scifact-slice");
    Files.createDirectories(slice.resolve("qrels"));
    List<String> corpus = Files.readAllLines(scifact.resolve("corpus.jsonl")).subList(0, 400);
    Set<String> ids = new HashSet<>();
    for (String line : corpus) {
      ids.add(line.replaceAll("^\\{\"_id\": \"([^\"]+)\".*$", "$1"));
    }
    List<String> qrels = new ArrayList<>(List.of("query-id\tcorpus-id\tscore"));
    for (String line : Files.readAllLines(scifact.resolve("qrels/test.tsv"))) {
      String[] f = line.split("\t");
      if (ids.contains(f[1])) {
        qrels.add(line);
      }
    }
    Files.write(slice.resolve("corpus.jsonl"), corpus);
    Files.copy(scifact.resolve("queries.jsonl"), slice.resolve("queries.jsonl"));
    Files.write(slice.resolve("qrels/test.tsv"), qrels);

    LuceneConfig config = LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel()).build();
    Path index = dir.resolve("index");
    try (BeirEvaluator eval = BeirEvaluator.open(slice, "test", index, config)) {
      assertThat(eval.index(null).documentsIndexed()).isEqualTo(400);
      Metrics bm25 = eval.evaluate(RetrieverKind.BM25);
      assertThat(bm25.queries()).isEqualTo(qrels.size() - 1).isPositive();
      assertThat(bm25.ndcg10()).isGreaterThan(0.6);
      assertThat(bm25.recall100()).isGreaterThanOrEqualTo(bm25.recall10());
      assertThat(bm25.toJson()).startsWith("{\"ndcg@10\":").contains("\"queries\":" + bm25.queries());
    }
    try (BeirEvaluator again = BeirEvaluator.open(slice, "test", index, config)) {
      assertThat(again.index(null).documentsUnchanged()).isEqualTo(400);
    }
  }

  @Test
  void theEvaluatorSearchesWithTheConfigItIsGivenBm25SettingsIncluded() throws Exception {
    Path tiny = dir.resolve("tiny");
    Files.createDirectories(tiny.resolve("qrels"));
    Files.write(tiny.resolve("corpus.jsonl"), List.of(
        "{\"_id\": \"d1\", \"title\": \"Backups\", \"text\": \"Backup tapes are kept offsite.\"}"));
    Files.write(tiny.resolve("queries.jsonl"), List.of("{\"_id\": \"q1\", \"text\": \"Where are backup tapes kept?\"}"));
    Files.write(tiny.resolve("qrels/test.tsv"), List.of("query-id\tcorpus-id\tscore", "q1\td1\t1"));
    LuceneConfig config = LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel())
        .bm25Proximity(0.1).bm25(1.1, 0.6).build();
    try (BeirEvaluator eval = BeirEvaluator.open(tiny, "test", dir.resolve("tiny-index"), config)) {
      LuceneConfig used = eval.knowledgeBase().config();
      assertThat(used.bm25Proximity()).as("--proximity was once dropped here").isEqualTo(0.1);
      assertThat(used.bm25K1()).isEqualTo(1.1);
      eval.index(null);
      assertThat(eval.evaluate(RetrieverKind.BM25).ndcg10()).isEqualTo(1.0);
    }
  }
}
