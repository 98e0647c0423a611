package dev.egretta.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.api.EgretJson;
import dev.egretta.api.KnowledgeScope;
import dev.egretta.api.Message;
import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.Sender;
import dev.egretta.api.Source;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Engine;
import dev.egretta.core.InvalidRequestException;
import dev.egretta.core.Organisation;
import dev.egretta.core.generation.ChatModelAnswerGenerator;
import dev.egretta.core.generation.ExtractiveAnswerGenerator;
import dev.egretta.core.internal.CitationFilter;
import dev.egretta.core.session.JdbcSessionStore;
import dev.egretta.core.spi.CorpusInventory;
import dev.egretta.core.spi.DomainCategory;
import dev.egretta.core.spi.ModelCatalog;
import dev.egretta.core.spi.ModelEntry;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine over real PDFs (generated here) and the real Lucene retriever. */
class EngineEndToEndTest {

  @TempDir
  static Path dir;

  private static LuceneKnowledgeBase kb;

  @BeforeAll
  static void indexLibrary() throws IOException {
    Fixture.writeLibrary(dir.resolve("docs"));
    kb = Fixture.index(dir.resolve("docs"), dir.resolve("index"));
  }

  @AfterAll
  static void closeIndex() {
    if (kb != null) {
      kb.close();
    }
  }

  /** An engine over the shared index that does not close it. */
  private static EgrettaEngine engine() {
    return builder().build();
  }

  /** A builder whose retriever and inventory are the shared index, which the engine does not close. */
  private static dev.egretta.core.EgrettaEngineBuilder builder() {
    CorpusInventory inventory = new CorpusInventory() {
      @Override
      public Set<DomainCategory> domainCategories(Organisation caller) {
        return kb.domainCategories(caller);
      }

      @Override
      public boolean hasPrivateDocuments(Organisation caller) {
        return kb.hasPrivateDocuments(caller);
      }
    };
    return EgrettaEngine.builder().retriever(kb::retrieve).corpusInventory(inventory);
  }

  private static ValidatedQuery ask(String q, Mode mode) {
    return ValidatedQuery.of(q, "business-continuity", "us", mode);
  }

  @Test
  void answerHasEgretsShapeWithCitationsPointingAtRealPages() {
    try (Engine engine = engine()) {
      QueryResponse r = engine.query(ask("Who approves the contingency plan?", Mode.COMPLIANCE), Organisation.LOCAL);

      assertThat(r.contextQuality().insufficientContext()).isFalse();
      Source first = r.sources().getFirst();
      assertThat(first.filename()).isEqualTo("continuity_plan_procedure.pdf");
      assertThat(first.pageNumber()).isEqualTo(2);
      assertThat(first.uri()).startsWith("file:///").endsWith("continuity_plan_procedure.pdf");
      assertThat(first.excerpt()).contains("approved by the Chief Information Officer");
      assertThat(first.isPrivate()).isFalse();
      List<Integer> cited = CitationFilter.cited(r.response());
      assertThat(cited).isNotEmpty().allSatisfy(n -> assertThat(n).isBetween(1, r.sources().size()));
      assertThat(r.response()).startsWith("# ").contains("approved by the Chief Information Officer");
      assertThat(r.suggestions()).hasSizeBetween(1, 3).doesNotContain("Who approves the contingency plan?");
      assertThat(r.usage().model()).isEqualTo(ExtractiveAnswerGenerator.MODEL.modelId());
      assertThat(r.performance().totalLatencyMs()).isGreaterThanOrEqualTo(r.performance().retrievalLatencyMs());
      assertThat(EgretJson.write(r)).contains("\"page_number\":2", "\"source_type\":\"document\"", "\"is_private\":false",
          "\"relevance\":\"");
    }
  }

  @Test
  void quotedSentencesComeVerbatimFromTheCitedPage() throws IOException {
    try (Engine engine = engine()) {
      QueryResponse r = engine.query(ask("How soon do staff receive contingency training?", Mode.COMPLIANCE),
          Organisation.LOCAL);
      Matcher m = Pattern.compile("\"([^\"]+)\" \\[Source (\\d+)]").matcher(r.response());
      int quotes = 0;
      while (m.find()) {
        quotes++;
        Source s = r.sources().get(Integer.parseInt(m.group(2)) - 1);
        String quote = PageFinder.normalise(m.group(1));
        assertThat(quote.length()).isGreaterThan(10);
        String page = PageFinder.pages(Path.of(java.net.URI.create(s.uri()))).get(s.pageNumber() - 1);
        assertThat(page).contains(quote);
      }
      assertThat(quotes).isPositive();
      assertThat(r.sources().getFirst().pageNumber()).isEqualTo(4);
    }
  }

  @Test
  void offTopicQuestionIsFlaggedAndAnsweredWithoutInventing() {
    try (Engine engine = engine()) {
      QueryResponse r = engine.query(ask("What is the best recipe for chocolate chip cookies?", Mode.COMPLIANCE),
          Organisation.LOCAL);
      assertThat(r.contextQuality().insufficientContext()).isTrue();
      assertThat(r.sources()).isEmpty();
      assertThat(r.suggestions()).isEmpty();
      assertThat(r.response()).contains("does not cover").doesNotContain("[Source");
      assertThat(r.usage().inputTokens()).isZero();
    }
  }

  @Test
  void sessionsContinueAcrossEngineRestartsAndFollowUpsAreRewritten() {
    Path sessions = dir.resolve("sessions");
    QueryResponse first;
    try (Engine engine = builder()
        .sessionStore(JdbcSessionStore.besideIndex(sessions)).build()) {
      first = engine.query(ask("What does the contingency plan approval section say?", Mode.COMPLIANCE), Organisation.LOCAL);
    }
    try (Engine engine = builder()
        .sessionStore(JdbcSessionStore.besideIndex(sessions)).build()) {
      UUID id = UUID.fromString(first.sessionId());
      QueryResponse second = engine.query(ask("and how often must it be reviewed?", Mode.AUTO).withSessionId(id),
          Organisation.LOCAL);
      assertThat(second.sessionId()).isEqualTo(first.sessionId());
      assertThat(second.messageId()).isGreaterThan(first.messageId());
      assertThat(second.sources().getFirst().pageNumber()).isEqualTo(2);
      assertThat(second.response()).contains("reviewed every year");
      List<Message> messages = engine.messages(Organisation.LOCAL, id);
      assertThat(messages).extracting(Message::sender)
          .containsExactly(Sender.USER, Sender.ASSISTANT, Sender.USER, Sender.ASSISTANT);
      assertThat(messages.get(3).contextQuality()).isEqualTo(second.contextQuality());
      assertThat(engine.recentSessions(Organisation.LOCAL, 5).getFirst().title())
          .isEqualTo("What does the contingency plan approval section say?");
      assertThatThrownBy(() -> engine.query(ValidatedQuery.of("How long are audit records retained?",
          "information-security", "us", Mode.COMPLIANCE).withSessionId(id), Organisation.LOCAL))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("business-continuity");
    }
  }

  @Test
  void promptDelimitsPassagesCarriesHistoryAndFollowsTheRoutedMode() {
    CapturingChatModel model = new CapturingChatModel();
    ModelEntry entry = new ModelEntry("capture", "Capturing", "test", 1, false, true, 0.001, 0.005);
    try (Engine engine = builder()
        .modelCatalog(ModelCatalog.of(List.of(entry, ExtractiveAnswerGenerator.MODEL_NOT_DEFAULT)))
        .generator("capture", ChatModelAnswerGenerator.of(model)).build()) {
      QueryResponse first = engine.query(ask("Who approves the contingency plan?", Mode.AUTO), Organisation.LOCAL);
      assertThat(first.response()).isEqualTo("# Answer\n\nThe contingency plan of each system is approved by the Chief Information Officer [Source 1], and more.");
      assertThat(first.usage().costUsd()).isEqualTo(0.0014);
      engine.query(ask("How should we prepare staff for their contingency roles?", Mode.AUTO)
          .withSessionId(UUID.fromString(first.sessionId())), Organisation.LOCAL);

      String p1 = model.prompts.get(0).text();
      assertThat(p1).contains("Mode: compliance", "<documents>", "</documents>",
          "file=\"continuity_plan_procedure.pdf\" page=\"2\"", "approved by the Chief Information Officer");
      List<?> second = model.prompts.get(1).messages();
      String p2 = model.prompts.get(1).text();
      assertThat(second).hasSize(4);
      assertThat(p2).contains("Mode: advisory", "USER: Who approves the contingency plan?",
          "AI: # Answer\n\nThe contingency plan of each system is approved by the Chief Information Officer [Source 1], and more.", "receive contingency training");

      QueryResponse extractive = engine.query(ask("Who approves the contingency plan?", Mode.ADVISORY)
          .withModelId(ExtractiveAnswerGenerator.MODEL.modelId()), Organisation.LOCAL);
      assertThat(extractive.response()).contains("Points to act on");
      assertThat(model.prompts).hasSize(2);
    }
  }

  @Test
  void privateScopeNeedsPrivateDocumentsAndMarksThem() {
    try (Engine engine = engine()) {
      assertThatThrownBy(() -> engine.query(ask("What is the recovery site codename?", Mode.COMPLIANCE)
          .withKnowledgeScope(KnowledgeScope.PRIVATE), Organisation.of("nobody")))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("knowledge_scope");
      Organisation acme = Fixture.ORGS.getFirst();
      QueryResponse r = engine.query(ask("What is the recovery site codename?", Mode.COMPLIANCE)
          .withKnowledgeScope(KnowledgeScope.PRIVATE), acme);
      assertThat(r.sources()).isNotEmpty().allSatisfy(s -> assertThat(s.isPrivate()).isTrue());
      assertThat(r.response()).contains(Fixture.canary(acme));
    }
  }
}
