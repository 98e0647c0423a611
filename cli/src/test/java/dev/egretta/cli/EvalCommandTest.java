package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.api.EgretJson;
import dev.egretta.eval.EvalPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  @TempDir Path dir;

  private Path tinyBeirDataset() throws Exception {
    Path data = Files.createDirectories(dir.resolve("tiny"));
    Files.writeString(data.resolve("corpus.jsonl"), String.join("\n",
        "{\"_id\":\"d1\",\"title\":\"Backups\",\"text\":\"Full backups of production systems are taken nightly and kept for 35 days.\"}",
        "{\"_id\":\"d2\",\"title\":\"Passwords\",\"text\":\"Passwords must be at least 14 characters long and checked against breached lists.\"}",
        "{\"_id\":\"d3\",\"title\":\"Visitors\",\"text\":\"Visitors sign in at reception and are escorted at all times.\"}") + "\n");
    Files.writeString(data.resolve("queries.jsonl"), String.join("\n",
        "{\"_id\":\"q1\",\"text\":\"how often are backups taken\"}",
        "{\"_id\":\"q2\",\"text\":\"minimum password length\"}") + "\n");
    Files.createDirectories(data.resolve("qrels"));
    Files.writeString(data.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n");
    return data;
  }

  @Test
  void jsonPrintsTheFourMetricsAndTheQueryCount() throws Exception {
    Path data = tinyBeirDataset();

    CliRun run = CliRun.run(dir, "eval", "--dataset", data.toString(), "--retriever", "bm25",
        "--index", dir.resolve("idx").toString(), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode m = EgretJson.mapper().readTree(run.out());
    assertThat(m.fieldNames()).toIterable().containsExactly("ndcg@10", "recall@10", "recall@100", "mrr@10", "queries");
    assertThat(m.get("queries").asInt()).isEqualTo(2);
    assertThat(m.get("recall@10").asDouble()).isEqualTo(1.0);

    CliRun table = CliRun.run(dir, "eval", "--dataset", data.toString(), "--index", dir.resolve("idx").toString());
    assertThat(table.exitCode()).as(table.err()).isZero();
    // no flag: the engine's default pipeline, named in the table
    assertThat(table.out()).containsPattern("nDCG@10\\s+Recall@10").contains(EvalPipeline.defaults().name());

    CliRun reranked = CliRun.run(dir, "eval", "--dataset", data.toString(), "--retriever", "bm25", "--rerank", "builtin",
        "--index", dir.resolve("idx").toString());
    assertThat(reranked.exitCode()).as(reranked.err()).isZero();
    assertThat(reranked.out()).contains("bm25+builtin");
  }

  @Test
  void aFolderThatIsNotABeirDatasetIsARuntimeFailureNamingTheMissingFile() throws Exception {
    CliRun run = CliRun.run(dir, "eval", "--dataset", dir.toString(), "--index", dir.resolve("idx").toString());

    assertThat(run.exitCode()).isEqualTo(Egretta.FAILURE);
    assertThat(run.err().strip()).startsWith("egretta: not a BEIR dataset (missing ");
  }

  @Test
  void anUnknownRetrieverIsAUsageError() {
    CliRun run = CliRun.run(dir, "eval", "--dataset", dir.toString(), "--retriever", "magic");

    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.err()).contains("magic");
    CliRun rerank = CliRun.run(dir, "eval", "--dataset", dir.toString(), "--rerank", "cross");
    assertThat(rerank.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(rerank.err()).contains("cross");
  }
}
