package dev.egretta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.api.EgretJson;
import dev.egretta.api.KnowledgeScope;
import dev.egretta.api.Message;
import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.Relevance;
import dev.egretta.api.Sender;
import dev.egretta.api.Source;
import dev.egretta.api.SourceType;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.internal.CitationFilter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EgrettaEngineTest {

  private final FixedRetriever retriever = FixedRetriever.library();
  private final Engine engine = EgrettaEngine.builder().retriever(retriever).build();

  @AfterEach
  void close() {
    engine.close();
  }

  private static ValidatedQuery ask(String question) {
    return ValidatedQuery.of(question, "business-continuity", "us", Mode.COMPLIANCE);
  }

  @Test
  void answersWithCitedSourcesInEgretsShape() {
    QueryResponse r = engine.query(ask("Who approves the contingency plan?"), Organisation.LOCAL);

    assertThat(r.response()).startsWith("# ");
    assertThat(r.sources()).isNotEmpty();
    Source first = r.sources().getFirst();
    assertThat(first.filename()).isEqualTo("contingency.pdf");
    assertThat(first.pageNumber()).isEqualTo(3);
    assertThat(first.sourceType()).isEqualTo(SourceType.DOCUMENT);
    assertThat(first.isPrivate()).isFalse();
    assertThat(first.downloadUrl()).isNull();
    assertThat(first.relevance()).isIn((Object[]) Relevance.values());
    assertThat(first.excerpt()).contains("approved by the Chief Information Officer");
    List<Integer> cited = CitationFilter.cited(r.response());
    assertThat(cited).isNotEmpty().allSatisfy(n -> assertThat(n).isBetween(1, r.sources().size()));
    assertThat(r.contextQuality().insufficientContext()).isFalse();
    assertThat(r.contextQuality().chunksRetrieved()).isEqualTo(r.sources().size());
    assertThat(r.usage().model()).isEqualTo("egretta-extractive");
    assertThat(r.usage().inputTokens()).isPositive();
    assertThat(r.usage().outputTokens()).isPositive();
    assertThat(UUID.fromString(r.sessionId()).version()).isEqualTo(4);
    assertThat(r.messageId()).isPositive();
    String json = EgretJson.write(r);
    assertThat(json).contains("\"response\"", "\"sources\"", "\"suggestions\"", "\"context_quality\"", "\"usage\"",
        "\"performance\"", "\"session_id\"", "\"message_id\"", "\"page_number\":3", "\"download_url\":null");
  }

  @Test
  void everyQuotedSentenceComesFromACitedPassage() {
    QueryResponse r = engine.query(ask("When is contingency training provided?"), Organisation.LOCAL);
    Matcher m = Pattern.compile("\"([^\"]+)\" \\[Source (\\d+)]").matcher(r.response());
    int quotes = 0;
    while (m.find()) {
      quotes++;
      Source s = r.sources().get(Integer.parseInt(m.group(2)) - 1);
      String passage = retriever.retrieve(new dev.egretta.core.spi.RetrievalRequest(m.group(1),
          dev.egretta.core.spi.SearchScope.publicOnly("business-continuity", "us"), 1)).getFirst().text();
      assertThat(passage).contains(m.group(1));
      assertThat(s.excerpt()).isNotBlank();
    }
    assertThat(quotes).isPositive();
  }

  @Test
  void offTopicQuestionIsInsufficientAndCitesNothing() {
    QueryResponse r = engine.query(ask("What is the recipe for a chocolate cake with raspberries?"), Organisation.LOCAL);
    assertThat(r.contextQuality().insufficientContext()).isTrue();
    assertThat(r.sources()).isEmpty();
    assertThat(r.suggestions()).isEmpty();
    assertThat(r.response()).contains("does not cover").doesNotContain("[Source");
    assertThat(r.usage().inputTokens()).isZero();
    assertThat(r.performance().generationLatencyMs()).isZero();
  }

  @Test
  void aQuestionFramedAsARequestIsSearchedAsTheQuestionItselfAndKeptAsAsked() {
    QueryResponse framed = engine.query(ask("Can you tell me who approves the contingency plan?"), Organisation.LOCAL);
    QueryResponse plain = engine.query(ask("who approves the contingency plan?"), Organisation.LOCAL);
    // (the other requests are the suggestions' checks)
    assertThat(retriever.requests.stream().map(r -> r.text()).filter(t -> t.contains("approves")))
        .containsExactly("who approves the contingency plan?", "who approves the contingency plan?");
    assertThat(framed.sources()).isEqualTo(plain.sources());
    assertThat(framed.contextQuality()).isEqualTo(plain.contextQuality());
    assertThat(engine.messages(Organisation.LOCAL, UUID.fromString(framed.sessionId())).getFirst().content())
        .isEqualTo("Can you tell me who approves the contingency plan?");
  }

  @Test
  void sessionKeepsHistoryAndRewritesFollowUps() {
    QueryResponse first = engine.query(ask("Who approves the contingency plan?"), Organisation.LOCAL);
    UUID id = UUID.fromString(first.sessionId());
    QueryResponse second = engine.query(ask("and how often is it reviewed?").withSessionId(id), Organisation.LOCAL);

    assertThat(second.sessionId()).isEqualTo(first.sessionId());
    assertThat(second.messageId()).isGreaterThan(first.messageId());
    assertThat(retriever.requests.stream().map(r -> r.text()))
        .contains("and how often is it reviewed? (context: Who approves the contingency plan?)");
    List<Message> messages = engine.messages(Organisation.LOCAL, id);
    assertThat(messages).extracting(Message::sender)
        .containsExactly(Sender.USER, Sender.ASSISTANT, Sender.USER, Sender.ASSISTANT);
    assertThat(messages.getFirst().contextQuality()).isNull();
    assertThat(messages.getFirst().sources()).isEmpty();
    assertThat(messages.get(1).sources()).isEqualTo(first.sources());
    var summary = engine.recentSessions(Organisation.LOCAL, 5).getFirst();
    assertThat(summary.title()).isEqualTo("Who approves the contingency plan?");
    assertThat(summary.messageCount()).isEqualTo(4);
    assertThat(summary.domainName()).isEqualTo("Business Continuity");
    assertThat(summary.categoryName()).isEqualTo("United States");
  }

  @Test
  void sessionRejectsAnotherDomainAndIsInvisibleToOtherOrganisations() {
    QueryResponse first = engine.query(ask("Who approves the contingency plan?"), Organisation.LOCAL);
    UUID id = UUID.fromString(first.sessionId());
    assertThatThrownBy(() -> engine.query(ValidatedQuery.of("How long are audit records kept?", "information-security",
        "us", Mode.COMPLIANCE).withSessionId(id), Organisation.LOCAL))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("session_id").hasMessageContaining("business-continuity");
    Organisation other = Organisation.of("other");
    assertThatThrownBy(() -> engine.query(ask("and who reviews it?").withSessionId(id), other))
        .isInstanceOf(NotFoundException.class).hasMessage("session " + id + " not found");
    assertThatThrownBy(() -> engine.messages(other, id)).isInstanceOf(NotFoundException.class);
    assertThat(engine.recentSessions(other, 5)).isEmpty();
  }

  @Test
  void theCategoriesOfAnUnknownDomainAreNotFound() {
    assertThat(engine.categories(Organisation.LOCAL, "business-continuity")).extracting(c -> c.code()).contains("us");
    assertThatThrownBy(() -> engine.categories(Organisation.LOCAL, "cooking"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("unknown domain 'cooking'").hasMessageContaining("business-continuity, information-security");
  }

  @Test
  void unknownDomainCategoryModelAndEmptyPrivateScopeAreClearErrors() {
    assertThatThrownBy(() -> engine.query(ValidatedQuery.of("q?", "cooking", "us", Mode.COMPLIANCE), Organisation.LOCAL))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("unknown domain 'cooking'").hasMessageContaining("business-continuity, information-security");
    assertThatThrownBy(() -> engine.query(ValidatedQuery.of("q?", "business-continuity", "fr", Mode.COMPLIANCE),
        Organisation.LOCAL)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("must be one of us");
    assertThatThrownBy(() -> engine.query(ask("q?").withModelId("gpt-9"), Organisation.LOCAL))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("egretta-extractive");
    assertThatThrownBy(() -> engine.query(ask("Who approves the plan?").withKnowledgeScope(KnowledgeScope.PRIVATE),
        Organisation.LOCAL)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("knowledge_scope");
  }
}
