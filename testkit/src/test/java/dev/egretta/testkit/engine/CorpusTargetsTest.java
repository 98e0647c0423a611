package dev.egretta.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.egretta.api.EgretJson;
import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.Source;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Engine;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's targets on ../shared/corpus indexed as the public library (opt-in, it indexes 12 real
 * PDFs): {@code mvn -pl testkit -am verify -Degretta.targets=true -Dtest=CorpusTargetsTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. The index is kept in {@code target/corpus-index}.
 *
 * <ul>
 *   <li>the page of the passage that answers is among the top 5 sources for >= 90% of on-topic questions;</li>
 *   <li>off-topic questions are flagged {@code insufficient_context} for >= 90%;</li>
 *   <li>on-topic questions are flagged for <= 5%.</li>
 * </ul>
 */
class CorpusTargetsTest {

  @Test
  void pagesInTopFiveAndInsufficientContextMeetTheTargets() throws IOException {
    assumeTrue(Boolean.getBoolean("egretta.targets"), "opt-in: run with -Degretta.targets=true");
    Path corpus = Path.of(System.getProperty("egretta.shared", "../../shared")).resolve("corpus");
    assumeTrue(Files.isDirectory(corpus), "the shared corpus is not at " + corpus);

    LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(Path.of("target/corpus-index"));
    long t0 = System.nanoTime();
    kb.ingest(LocalFolderSource.of(corpus), IngestOptions.publicLibrary(), IngestListener.NONE);
    System.out.printf(Locale.ROOT, "indexed in %.1f s: %d chunks%n", (System.nanoTime() - t0) / 1e9, kb.chunkCount());
    PageFinder pages = new PageFinder(corpus);

    StringBuilder report = new StringBuilder();
    try (Engine engine = EgrettaEngine.builder().retriever(kb).build()) {
      int pageHits = 0;
      int onFlagged = 0;
      List<String> misses = new ArrayList<>();
      for (CorpusQuestions.OnTopic q : CorpusQuestions.ON_TOPIC) {
        int gold = pages.pageOf(q.filename(), q.needle());
        QueryResponse r = engine.query(ValidatedQuery.of(q.question(), q.domain(), "us", Mode.COMPLIANCE), Organisation.LOCAL);
        List<Source> top = r.sources().subList(0, Math.min(5, r.sources().size()));
        boolean hit = top.stream().anyMatch(s -> s.filename().equals(q.filename()) && s.pageNumber() == gold);
        double topScore = topScore(kb, q.question(), q.domain());
        if (pageHits + onFlagged == 0 && misses.isEmpty()) {
          Files.writeString(Path.of("target/corpus-sample-response.json"), EgretJson.write(r));
        }
        pageHits += hit ? 1 : 0;
        onFlagged += r.contextQuality().insufficientContext() ? 1 : 0;
        String line = String.format(Locale.ROOT, "ON  %-5s top=%.3f insufficient=%-5s gold=%s p%d got=%s | %s",
            hit ? "HIT" : "miss", topScore, r.contextQuality().insufficientContext(), q.filename(), gold,
            top.stream().map(s -> s.filename().replace(".pdf", "") + " p" + s.pageNumber()
                + String.format(Locale.ROOT, " %.2f", s.score())).toList(), q.question());
        report.append(line).append('\n').append("    suggestions: ").append(r.suggestions()).append('\n');
        if (!hit) {
          misses.add(line);
        }
      }
      int offFlagged = 0;
      List<String> domains = List.of(CorpusQuestions.BC, CorpusQuestions.IS, CorpusQuestions.CS, CorpusQuestions.RM);
      for (int i = 0; i < CorpusQuestions.OFF_TOPIC.size(); i++) {
        String q = CorpusQuestions.OFF_TOPIC.get(i);
        String domain = domains.get(i % domains.size());
        QueryResponse r = engine.query(ValidatedQuery.of(q, domain, "us", Mode.COMPLIANCE), Organisation.LOCAL);
        offFlagged += r.contextQuality().insufficientContext() ? 1 : 0;
        report.append(String.format(Locale.ROOT, "OFF top=%.3f insufficient=%-5s %s | %s%n", topScore(kb, q, domain),
            r.contextQuality().insufficientContext(), domain, q));
      }
      int on = CorpusQuestions.ON_TOPIC.size();
      int off = CorpusQuestions.OFF_TOPIC.size();
      String summary = String.format(Locale.ROOT,
          "page in top 5: %d/%d = %.1f%%; on-topic flagged insufficient: %d/%d = %.1f%%; off-topic flagged: %d/%d = %.1f%%",
          pageHits, on, 100.0 * pageHits / on, onFlagged, on, 100.0 * onFlagged / on, offFlagged, off, 100.0 * offFlagged / off);
      report.append(summary).append('\n');
      System.out.print(report);
      Files.writeString(Path.of("target/corpus-targets.txt"), report);

      assertThat(100.0 * pageHits / on).as("page in top 5; misses:\n%s", String.join("\n", misses)).isGreaterThanOrEqualTo(90.0);
      assertThat(100.0 * onFlagged / on).as("on-topic flagged insufficient").isLessThanOrEqualTo(5.0);
      assertThat(100.0 * offFlagged / off).as("off-topic flagged insufficient").isGreaterThanOrEqualTo(90.0);
    }
  }

  private static double topScore(LuceneKnowledgeBase kb, String q, String domain) {
    List<RetrievedPassage> hits = kb.retrieve(new RetrievalRequest(q, SearchScope.publicOnly(domain, "us"), 1));
    return hits.isEmpty() ? 0 : hits.getFirst().score();
  }

  static Stream<Path> pdfs(Path corpus) throws IOException {
    return Files.walk(corpus).filter(p -> p.toString().endsWith(".pdf"));
  }
}
