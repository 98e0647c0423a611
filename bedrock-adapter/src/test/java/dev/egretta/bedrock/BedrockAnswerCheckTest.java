package dev.egretta.bedrock;

import static dev.egretta.bedrock.Fixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.Relevance;
import dev.egretta.api.Source;
import dev.egretta.api.StreamEvent;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Organisation;
import dev.egretta.core.generation.NotCoveredStatement;
import dev.egretta.testsupport.TestPdfs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model answers are checked before they reach the caller, blocking and streamed: Bedrock is the
 * local wire server, the passages come from a generated PDF in a real Lucene index. The scripted
 * answers name passages by page ({@code {p1}} = the source number the prompt gave page 1), so they
 * cite the right or the wrong passage whatever order retrieval returned.
 */
class BedrockAnswerCheckTest {
  private static final String QUESTION = "How often are backups and the contingency plan tested?";

  @TempDir
  static Path temp;
  private static WireEngine wire;
  private static BedrockWireServer server;
  private static EgrettaEngine engine;

  @BeforeAll
  static void start() throws Exception {
    TestPdfs.write(temp.resolve("corpus/business-continuity/pdf/us/backup-standard.pdf"), List.of(
        "Backup and Restore\n\nUser-level information is backed up daily and system-level information is backed up "
            + "weekly. Backup copies are stored at an alternate storage site that is geographically separated from the "
            + "primary site. The integrity of backup information is verified by restore tests at least quarterly.",
        "Contingency Plan Testing\n\nThe contingency plan is tested at least annually using functional exercises. "
            + "The Contingency Plan Coordinator reports the results of each test to the System Owner within 30 days.",
        "Audit Log Retention\n\nAudit records are retained for a minimum of three years. The security operations "
            + "team reviews the audit log repository weekly."));
    wire = WireEngine.over(temp.resolve("corpus"), temp.resolve("index"));
    server = wire.server();
    engine = wire.engine();
  }

  @AfterAll
  static void stop() {
    if (wire != null) {
      wire.close();
    }
  }

  @BeforeEach
  void reset() {
    server.reset();
  }

  private static BedrockWireServer.Reply citing(String template, boolean stream) {
    return BedrockWireServer.citing(template, stream, 900, 60);
  }

  private static QueryResponse ask() {
    return engine.query(ValidatedQuery.of(QUESTION, "business-continuity", "us", Mode.COMPLIANCE), Organisation.LOCAL);
  }

  /** The streamed events' done response and the deltas concatenated. */
  private static Map.Entry<QueryResponse, String> stream() throws Exception {
    List<StreamEvent> events = new CopyOnWriteArrayList<>();
    CompletableFuture<StreamEvent> end = new CompletableFuture<>();
    engine.stream(ValidatedQuery.of(QUESTION, "business-continuity", "us", Mode.COMPLIANCE), Organisation.LOCAL, e -> {
      events.add(e);
      if (e instanceof StreamEvent.Done || e instanceof StreamEvent.Error) {
        end.complete(e);
      }
    });
    assertThat(end.get(30, TimeUnit.SECONDS)).isInstanceOf(StreamEvent.Done.class);
    String deltas = events.stream().filter(StreamEvent.Delta.class::isInstance).map(e -> ((StreamEvent.Delta) e).text())
        .collect(Collectors.joining());
    return Map.entry(((StreamEvent.Done) end.get()).response(), deltas);
  }

  private static int numberOfPage(QueryResponse r, int page) {
    List<Source> sources = r.sources();
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i).pageNumber() == page) {
        return i + 1;
      }
    }
    throw new AssertionError("no source for page " + page + " in " + sources);
  }

  private static final String WRONG_PASSAGE = "# Testing\n\n"
      + "Backup information is verified by restore tests at least quarterly [Source {p1}]. "
      + "The contingency plan is tested at least annually [Source {p1}]. "
      + "Audit records are kept for a minimum of three years [Source {p2}].";

  private static void assertWrongPassageRepaired(QueryResponse r) {
    assertThat(r.contextQuality().insufficientContext()).isFalse();
    // page 2 was cited only for a claim it does not make: dropped from the sources, the rest renumbered densely
    assertThat(r.sources()).extracting(Source::pageNumber).doesNotContain(2);
    int backup = numberOfPage(r, 1);
    assertThat(r.response()).isEqualTo("# Testing\n\n"
        + "Backup information is verified by restore tests at least quarterly [Source " + backup + "]. "
        + "The contingency plan is tested at least annually. "
        + "Audit records are kept for a minimum of three years.");
  }

  @Test
  void aCitationOfTheWrongPassageIsRemovedAndTheSourcesRenumbered() {
    server.then(citing(WRONG_PASSAGE, false));

    assertWrongPassageRepaired(ask());
  }

  @Test
  void streamedTheDoneResponseCarriesTheCheckedAnswerWhileTheDeltasWereTheModels() throws Exception {
    server.then(citing(WRONG_PASSAGE, true));

    var streamed = stream();

    assertWrongPassageRepaired(streamed.getKey());
    assertThat(streamed.getValue()).contains("tested at least annually [Source").isNotEqualTo(streamed.getKey().response());
  }

  @Test
  void anInventedClaimLosesItsCitationAndTheSupportedOneKeepsIt() {
    server.then(citing("# Testing\n\nThe contingency plan is tested at least annually [Source {p2}]. "
        + "The coordinator reports the results to the System Owner within 10 days [Source {p2}].", false));

    QueryResponse r = ask();

    int plan = numberOfPage(r, 2);
    assertThat(r.contextQuality().insufficientContext()).isFalse();
    assertThat(r.response()).isEqualTo("# Testing\n\nThe contingency plan is tested at least annually [Source " + plan
        + "]. The coordinator reports the results to the System Owner within 10 days.");
  }

  @Test
  void anAnswerWhoseEveryClaimIsInventedIsInsufficientContext() throws Exception {
    server.then(citing("# Backups\n\nBackups are encrypted with AES-256 before they leave the site [Source {p1}].", true));

    QueryResponse r = stream().getKey();

    assertThat(r.contextQuality().insufficientContext()).isTrue();
    // the passages the model was given stay, as the closest ones found: uncited, at most "Partially Relevant"
    assertThat(r.sources()).isNotEmpty()
        .allSatisfy(s -> assertThat(s.relevance()).isEqualTo(Relevance.PARTIALLY_RELEVANT));
    assertThat(r.response()).doesNotContain("[Source").doesNotContain("AES").contains("do not contain the answer")
        .contains("closest passages");
    assertThat(r.usage().inputTokens()).isEqualTo(900);
  }

  @Test
  void theModelSayingThePassagesLackTheAnswerSetsInsufficientContext() throws Exception {
    server.then(BedrockWireServer.converse(NotCoveredStatement.SENTENCE, 800, 12),
        StreamReplies.stream("# Not in the passages\n\nThe provided passages don't contain the answer to this question.", 800, 20));

    QueryResponse blocking = ask();
    QueryResponse streamed = stream().getKey();

    for (QueryResponse r : List.of(blocking, streamed)) {
      assertThat(r.contextQuality().insufficientContext()).isTrue();
      assertThat(r.sources()).isNotEmpty()
          .allSatisfy(s -> assertThat(s.relevance()).isEqualTo(Relevance.PARTIALLY_RELEVANT));
      assertThat(r.suggestions()).isEmpty();
      assertThat(r.response()).startsWith("# Not covered by the knowledge base").doesNotContain("[Source");
    }
    String prompt = server.requests().getFirst().body().at("/system/0/text").asText();
    assertThat(prompt).contains(NotCoveredStatement.SENTENCE);
  }
}
