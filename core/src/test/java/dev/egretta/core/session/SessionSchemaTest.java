package dev.egretta.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.api.ContextQuality;
import dev.egretta.api.EgretJson;
import dev.egretta.api.Mode;
import dev.egretta.api.Relevance;
import dev.egretta.api.Sender;
import dev.egretta.api.Source;
import dev.egretta.api.SourceType;
import dev.egretta.core.ConfigurationException;
import dev.egretta.core.EgrettaException;
import dev.egretta.core.Organisation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sessions schema's versions on real SQLite files: adoption, ordered upgrades, refusal, rollback. */
class SessionSchemaTest {

  private static final Organisation ACME = Organisation.of("acme");
  private static final UUID SESSION = UUID.fromString("6f1c1d52-3a43-4c55-9d8e-2b0d3c1f7a10");

  @TempDir
  Path dir;

  @Test
  void adoptsADatabaseCreatedBeforeVersioningAsVersionOneWithItsData() throws Exception {
    Path file = dir.resolve("sessions.db");
    Source source = new Source("file:///docs/bcm.pdf", "bcm.pdf", 12, "BCM is the process...", 0.8438505,
        Relevance.HIGHLY_RELEVANT, SourceType.DOCUMENT, null, false);
    try (Connection c = connect(file); Statement st = c.createStatement()) {
      // The DDL of the release before versioning, verbatim, and rows as that release wrote them.
      st.executeUpdate("CREATE TABLE IF NOT EXISTS egretta_session (session_id VARCHAR(36) PRIMARY KEY, "
          + "org_id VARCHAR(64) NOT NULL, title TEXT NOT NULL, domain_slug TEXT NOT NULL, domain_name TEXT NOT NULL, "
          + "category_code TEXT NOT NULL, category_name TEXT NOT NULL, created_at BIGINT NOT NULL, "
          + "last_activity_at BIGINT NOT NULL, message_count INTEGER NOT NULL)");
      st.executeUpdate("CREATE INDEX IF NOT EXISTS egretta_session_recent ON egretta_session (org_id, last_activity_at)");
      st.executeUpdate("CREATE TABLE IF NOT EXISTS egretta_message (message_id INTEGER PRIMARY KEY AUTOINCREMENT, "
          + "session_id VARCHAR(36) NOT NULL, sender VARCHAR(16) NOT NULL, content TEXT NOT NULL, model_id TEXT NOT NULL, "
          + "mode VARCHAR(16), sources_json TEXT NOT NULL, input_tokens BIGINT NOT NULL, output_tokens BIGINT NOT NULL, "
          + "context_quality_json TEXT, created_at BIGINT NOT NULL)");
      st.executeUpdate("CREATE INDEX IF NOT EXISTS egretta_message_session ON egretta_message (session_id, message_id)");
      st.executeUpdate("INSERT INTO egretta_session VALUES ('" + SESSION + "', 'acme', 'Who approves the plan?', "
          + "'business-continuity', 'Business Continuity', 'us', 'United States', 1764900000000000, 1764900001500000, 2)");
      st.executeUpdate("INSERT INTO egretta_message (session_id, sender, content, model_id, mode, sources_json, "
          + "input_tokens, output_tokens, context_quality_json, created_at) VALUES ('" + SESSION + "', 'user', "
          + "'Who approves the plan?', 'egretta-extractive', NULL, '[]', 0, 0, NULL, 1764900000000000)");
      st.executeUpdate("INSERT INTO egretta_message (session_id, sender, content, model_id, mode, sources_json, "
          + "input_tokens, output_tokens, context_quality_json, created_at) VALUES ('" + SESSION + "', 'assistant', "
          + "'The board approves it [Source 1].', 'egretta-extractive', 'compliance', '"
          + EgretJson.write(List.of(source)) + "', 40, 12, '" + EgretJson.write(new ContextQuality(false, 7, 0.5552))
          + "', 1764900001500000)");
    }

    try (JdbcSessionStore store = JdbcSessionStore.sqlite(file)) {
      SessionRecord s = store.find(ACME, SESSION).orElseThrow();
      assertThat(s.title()).isEqualTo("Who approves the plan?");
      assertThat(s.messageCount()).isEqualTo(2);
      assertThat(s.lastActivityAt()).isEqualTo(Instant.parse("2025-12-05T02:00:01.500Z"));
      List<StoredMessage> messages = store.messages(ACME, SESSION);
      assertThat(messages).extracting(m -> m.message().sender()).containsExactly(Sender.USER, Sender.ASSISTANT);
      NewMessage answer = messages.get(1).message();
      assertThat(answer.content()).isEqualTo("The board approves it [Source 1].");
      assertThat(answer.mode()).isEqualTo(Mode.COMPLIANCE);
      assertThat(answer.sources()).containsExactly(source);
      assertThat(answer.contextQuality()).isEqualTo(new ContextQuality(false, 7, 0.5552));
      // and it keeps working: a new message lands after the adopted ones
      store.append(ACME, SESSION, List.of(NewMessage.user("And how often?", "egretta-extractive",
          Instant.parse("2025-12-05T03:00:00Z"))));
      assertThat(store.messages(ACME, SESSION)).hasSize(3);
    }
    assertThat(versions(file)).containsExactly(1);
    try (JdbcSessionStore again = JdbcSessionStore.sqlite(file)) {
      assertThat(again.messages(ACME, SESSION)).hasSize(3);
    }
    assertThat(versions(file)).as("reopening applies nothing twice").containsExactly(1);
  }

  @Test
  void aNewDatabaseStartsAtTheLatestVersion() throws Exception {
    Path file = dir.resolve("new.db");
    JdbcSessionStore.sqlite(file).close();
    assertThat(versions(file)).containsExactly(SessionSchema.CURRENT.latest());
  }

  @Test
  void appliesLaterMigrationsInOrderAndOnlyOnce() throws Exception {
    Path file = dir.resolve("sessions.db");
    try (JdbcSessionStore v1 = JdbcSessionStore.sqlite(file)) {
      v1.create(session());
    }
    List<Integer> applied = new CopyOnWriteArrayList<>();
    SessionSchema next = new SessionSchema(List.of(
        SessionSchema.CURRENT.migrations().getFirst(),
        new SchemaMigration(2, "pinned sessions", (st, d) -> {
          applied.add(2);
          st.executeUpdate("ALTER TABLE egretta_session ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0");
        }),
        // needs the column of migration 2: fails unless applied after it
        new SchemaMigration(3, "index of pinned sessions", (st, d) -> {
          applied.add(3);
          st.executeUpdate("CREATE INDEX egretta_session_pinned ON egretta_session (org_id, pinned)");
        })));

    try (JdbcSessionStore v3 = JdbcSessionStore.sqlite(file, next)) {
      assertThat(v3.find(ACME, SESSION)).as("the data survives the upgrade").isPresent();
    }
    assertThat(applied).containsExactly(2, 3);
    assertThat(versions(file)).containsExactly(1, 2, 3);
    try (Connection c = connect(file); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT pinned FROM egretta_session")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isZero();
    }

    JdbcSessionStore.sqlite(file, next).close();
    assertThat(applied).as("nothing is applied twice").containsExactly(2, 3);
  }

  @Test
  void refusesADatabaseNewerThanTheCodeAndLeavesItAlone() throws Exception {
    Path file = dir.resolve("sessions.db");
    SessionSchema newer = new SessionSchema(List.of(SessionSchema.CURRENT.migrations().getFirst(),
        new SchemaMigration(2, "a future change", (st, d) -> st.executeUpdate("CREATE TABLE egretta_future (x INTEGER)"))));
    try (JdbcSessionStore future = JdbcSessionStore.sqlite(file, newer)) {
      future.create(session());
    }

    assertThatThrownBy(() -> JdbcSessionStore.sqlite(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(file.toAbsolutePath().toString())
        .hasMessageContaining("has schema version 2, but this Egretta knows versions up to 1");
    assertThat(versions(file)).containsExactly(1, 2);
  }

  @Test
  void aFailingMigrationLeavesTheDatabaseAtItsVersion() throws Exception {
    Path file = dir.resolve("sessions.db");
    JdbcSessionStore.sqlite(file).close();
    SessionSchema broken = new SessionSchema(List.of(SessionSchema.CURRENT.migrations().getFirst(),
        new SchemaMigration(2, "half done", (st, d) -> {
          st.executeUpdate("CREATE TABLE egretta_half (x INTEGER)");
          st.executeUpdate("ALTER TABLE egretta_no_such_table ADD COLUMN y INTEGER");
        })));

    assertThatThrownBy(() -> JdbcSessionStore.sqlite(file, broken))
        .isInstanceOf(EgrettaException.class)
        .hasMessageContaining("migration 2 (half done) failed");
    assertThat(versions(file)).containsExactly(1);
    try (Connection c = connect(file); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'egretta_half'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("the step's first statement is rolled back").isZero();
    }
  }

  @RepeatedTest(50) // the race it guards failed about 1 open in 33 before the fix
  void concurrentOpensOfANewFileUpgradeItOnce(RepetitionInfo r) throws Exception {
    Path file = dir.resolve("shared" + r.getCurrentRepetition() + ".db");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> opens = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        opens.add(pool.submit(() -> {
          JdbcSessionStore.sqlite(file).close();
          return null;
        }));
      }
      for (Future<?> f : opens) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(versions(file)).containsExactly(1);
  }

  @Test
  void migrationsMustBeNumberedInOrder() {
    SchemaMigration first = SessionSchema.CURRENT.migrations().getFirst();
    SchemaMigration third = new SchemaMigration(3, "skips 2", (st, d) -> {});
    assertThatThrownBy(() -> new SessionSchema(List.of(first, third)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("migration 2 has version 3");
  }

  private static SessionRecord session() {
    Instant at = Instant.parse("2025-12-05T02:00:00Z");
    return new SessionRecord(SESSION, ACME, "Who approves the plan?", "business-continuity", "Business Continuity",
        "us", "United States", at, at, 0);
  }

  private static Connection connect(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  private static List<Integer> versions(Path file) throws SQLException {
    try (Connection c = connect(file); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT version FROM egretta_schema_version ORDER BY version")) {
      List<Integer> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
      return out;
    }
  }
}
