package dev.egretta.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.session.JdbcSessionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineSessionsTest {

  @TempDir
  Path dir;

  private Engine engine() {
    return EgrettaEngine.builder().retriever(FixedRetriever.library())
        .sessionStore(JdbcSessionStore.sqlite(dir.resolve("sessions.db"))).build();
  }

  private static ValidatedQuery ask(String q) {
    return ValidatedQuery.of(q, "business-continuity", "us", Mode.COMPLIANCE);
  }

  @Test
  void sessionContinuesAfterTheEngineRestarts() {
    QueryResponse first;
    try (Engine engine = engine()) {
      first = engine.query(ask("Who approves the contingency plan?"), Organisation.LOCAL);
    }
    try (Engine engine = engine()) {
      UUID id = UUID.fromString(first.sessionId());
      QueryResponse second = engine.query(ask("and how often is it reviewed?").withSessionId(id), Organisation.LOCAL);
      assertThat(second.sessionId()).isEqualTo(first.sessionId());
      assertThat(second.messageId()).isGreaterThan(first.messageId());
      assertThat(engine.messages(Organisation.LOCAL, id)).hasSize(4);
      assertThat(engine.recentSessions(Organisation.LOCAL, 5)).singleElement()
          .satisfies(s -> assertThat(s.messageCount()).isEqualTo(4));
    }
  }

  @Test
  void renameAndDeleteAreScopedToTheOrganisation() {
    try (Engine engine = engine()) {
      UUID id = UUID.fromString(engine.query(ask("Who approves the contingency plan?"), Organisation.LOCAL).sessionId());
      Organisation other = Organisation.of("other");
      assertThatThrownBy(() -> engine.rename(other, id, "mine")).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> engine.deleteSession(other, id)).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> engine.rename(Organisation.LOCAL, id, "  ")).isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("title");
      assertThat(engine.rename(Organisation.LOCAL, id, "  Plan approval  ").title()).isEqualTo("Plan approval");
      engine.deleteSession(Organisation.LOCAL, id);
      assertThatThrownBy(() -> engine.messages(Organisation.LOCAL, id)).isInstanceOf(NotFoundException.class);
      assertThat(engine.recentSessions(Organisation.LOCAL, 5)).isEmpty();
    }
  }

  @Test
  void titleIsTheFirstQuestionCutTo200CharactersAndTimesHaveMicroseconds() {
    Clock clock = Clock.fixed(Instant.parse("2026-03-25T19:52:47.347245123Z"), ZoneOffset.UTC);
    try (Engine engine = EgrettaEngine.builder().retriever(FixedRetriever.library()).clock(clock).build()) {
      String longQuestion = "Who approves the contingency plan " + "and reviews it ".repeat(30) + "?";
      engine.query(ask(longQuestion), Organisation.LOCAL);
      var s = engine.recentSessions(Organisation.LOCAL, 1).getFirst();
      assertThat(s.title()).hasSizeLessThanOrEqualTo(200).startsWith("Who approves the contingency plan and");
      assertThat(s.createdAt()).isEqualTo(Instant.parse("2026-03-25T19:52:47.347245Z"));
      assertThat(dev.egretta.api.EgretJson.write(s)).contains("\"created_at\":\"2026-03-25T19:52:47.347245Z\"");
    }
  }

  @Test
  void builderNamesWhatIsMissing() {
    assertThatThrownBy(() -> EgrettaEngine.builder().build()).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("retriever");
    assertThatThrownBy(() -> EgrettaEngine.builder().retriever(r -> java.util.List.of()).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("corpusInventory");
    assertThatThrownBy(() -> EgrettaEngine.builder().retriever(FixedRetriever.library())
        .generator(r -> null).build()).isInstanceOf(ConfigurationException.class).hasMessageContaining("modelCatalog");
  }

  // Titles are shown in UIs: NUL, bidi overrides and other control or format characters are stripped
  // (line breaks and tabs become spaces), from the first question and from a rename alike.
  @Test
  void titlesLoseControlAndBidiCharacters() {
    try (Engine engine = engine()) {
      UUID id = UUID.fromString(engine.query(ask("Who\u0000 approves\n\tthe \u202Eplan\u202C?\u2066x\u2069"),
          Organisation.LOCAL).sessionId());
      assertThat(engine.recentSessions(Organisation.LOCAL, 1).getFirst().title()).isEqualTo("Who approves the plan?x");
      assertThat(engine.rename(Organisation.LOCAL, id, "Plan\u0007 \u200Fapproval\u0000\r\nv2\uFEFF").title())
          .isEqualTo("Plan approval v2");
      assertThatThrownBy(() -> engine.rename(Organisation.LOCAL, id, "\u0000\u202E\u0001"))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("title");
    }
  }

  // sessions.db holds every organisation's questions and answers: owner-only whatever the umask, WAL included.
  @Test
  void theSessionDatabaseAndItsFolderAreOwnerOnly() throws Exception {
    Path file = dir.resolve("fresh/data/sessions.db");
    try (Engine engine = EgrettaEngine.builder().retriever(FixedRetriever.library())
        .sessionStore(JdbcSessionStore.sqlite(file)).build()) {
      engine.query(ask("Who approves the contingency plan?"), Organisation.LOCAL);
      try (var files = java.nio.file.Files.list(file.getParent())) {
        for (Path f : files.toList()) {
          assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(f)))
              .as(f.getFileName().toString()).isEqualTo("rw-------");
        }
      }
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
          java.nio.file.Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }
  }
}
