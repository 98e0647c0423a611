package dev.egretta.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.api.EgretJson;
import dev.egretta.core.Organisation;
import dev.egretta.core.pipeline.ScoreThresholdJudge;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.core.spi.SourceDocument;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.TextDocumentSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Checks the context judge's default threshold on an eval set (opt-in, indexes 5,183 abstracts,
 * several minutes): BEIR SciFact's 300 test claims are all answerable from the corpus, and the
 * off-topic questions of {@link CorpusQuestions} are not. Run with
 * {@code -Degretta.calibration=true -Dtest=SciFactCalibrationTest}; the index is kept in
 * {@code target/scifact-index}.
 */
class SciFactCalibrationTest {

  @Test
  void defaultThresholdSeparatesAnswerableClaimsFromOffTopicQuestions() throws IOException {
    assumeTrue(Boolean.getBoolean("egretta.calibration"), "opt-in: run with -Degretta.calibration=true");
    Path data = Path.of(System.getProperty("egretta.shared", "../../shared")).resolve("eval/scifact");
    assumeTrue(Files.isDirectory(data), "SciFact is not at " + data);

    Map<String, String> docs = new LinkedHashMap<>();
    for (String line : Files.readAllLines(data.resolve("corpus.jsonl"))) {
      JsonNode n = EgretJson.mapper().readTree(line);
      docs.put(n.get("_id").asText(), n.get("title").asText() + "\n" + n.get("text").asText());
    }
    Set<String> testIds = Files.readAllLines(data.resolve("qrels/test.tsv")).stream().skip(1)
        .map(l -> l.split("\t")[0]).collect(Collectors.toSet());
    List<String> claims = new ArrayList<>();
    for (String line : Files.readAllLines(data.resolve("queries.jsonl"))) {
      JsonNode n = EgretJson.mapper().readTree(line);
      if (testIds.contains(n.get("_id").asText())) {
        claims.add(n.get("text").asText());
      }
    }
    TextDocumentSource source = new TextDocumentSource() {
      @Override
      public List<SourceDocument> list() {
        return docs.keySet().stream().map(id -> new SourceDocument("scifact:" + id, id + ".txt", "science", "en",
            docs.get(id).length(), "1")).toList();
      }

      @Override
      public InputStream open(SourceDocument d) {
        return new ByteArrayInputStream(docs.get(d.uri().substring(8)).getBytes(StandardCharsets.UTF_8));
      }
    };
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(Path.of("target/scifact-index"))) {
      long t0 = System.nanoTime();
      kb.ingest(source, IngestOptions.publicLibrary(), IngestListener.NONE);
      System.out.printf(Locale.ROOT, "SciFact indexed in %.0f s, %d chunks%n", (System.nanoTime() - t0) / 1e9, kb.chunkCount());
      ScoreThresholdJudge judge = ScoreThresholdJudge.defaults();
      double[] on = claims.stream().mapToDouble(q -> top(kb, q)).sorted().toArray();
      StringBuilder passed = new StringBuilder();
      for (String q : CorpusQuestions.OFF_TOPIC) {
        double score = top(kb, q);
        if (score >= judge.minTopScore()) {
          passed.append(String.format(Locale.ROOT, "  not flagged: %.3f %s%n", score, q));
        }
      }
      double[] off = CorpusQuestions.OFF_TOPIC.stream().mapToDouble(q -> top(kb, q)).sorted().toArray();
      long onFlagged = java.util.Arrays.stream(on).filter(s -> s < judge.minTopScore()).count();
      long offFlagged = java.util.Arrays.stream(off).filter(s -> s < judge.minTopScore()).count();
      String report = String.format(Locale.ROOT,
          "SciFact test claims flagged insufficient: %d/%d = %.1f%%; top score p5=%.3f p25=%.3f median=%.3f%n"
              + "off-topic questions flagged: %d/%d = %.1f%%; top score max=%.3f median=%.3f%n",
          onFlagged, on.length, 100.0 * onFlagged / on.length, on[on.length / 20], on[on.length / 4], on[on.length / 2],
          offFlagged, off.length, 100.0 * offFlagged / off.length, off[off.length - 1], off[off.length / 2]);
      report += passed;
      System.out.print(report);
      Files.writeString(Path.of("target/scifact-calibration.txt"), report);
      // Some "off-topic" general questions (green tea, photosynthesis, ...) do meet SciFact's biomedical
      // abstracts, so this set is only mostly off-topic here: require 80%.
      assertThat(100.0 * offFlagged / off.length).isGreaterThanOrEqualTo(80.0);
      assertThat(100.0 * onFlagged / on.length).isLessThanOrEqualTo(5.0);
    }
  }

  private static double top(LuceneKnowledgeBase kb, String q) {
    List<RetrievedPassage> hits = kb.retrieve(new RetrievalRequest(q, new SearchScope("science", "en", true,
        java.util.Optional.<Organisation>empty()), 1));
    return hits.isEmpty() ? 0 : hits.getFirst().score();
  }
}
