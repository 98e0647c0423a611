package dev.egretta.testkit.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.Organisation;
import dev.egretta.core.session.JdbcSessionStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sessions schema's versions on a real PostgreSQL server (core's SessionSchemaTest covers the
 * upgrade steps on SQLite): a database created before versioning is adopted with its data, a newer
 * one is refused, and servers opening a new database at once upgrade it once.
 */
class PostgresSchemaVersionTest {

  private static LocalPostgres server;

  @BeforeAll
  static void startServer() throws Exception {
    assumeTrue(LocalPostgres.available(), "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); "
        + "CI installs it with .ci/setup.d/postgresql.sh; skipping the PostgreSQL schema-version tests");
    server = LocalPostgres.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void adoptsADatabaseCreatedBeforeVersioningWithItsData() throws Exception {
    String url = newDatabase("legacy");
    UUID id = UUID.randomUUID();
    try (Connection c = connect(url); Statement st = c.createStatement()) {
      // The DDL of the release before versioning, verbatim, and a session as that release wrote it.
      st.executeUpdate("CREATE TABLE IF NOT EXISTS egretta_session (session_id VARCHAR(36) PRIMARY KEY, "
          + "org_id VARCHAR(64) NOT NULL, title TEXT NOT NULL, domain_slug TEXT NOT NULL, domain_name TEXT NOT NULL, "
          + "category_code TEXT NOT NULL, category_name TEXT NOT NULL, created_at BIGINT NOT NULL, "
          + "last_activity_at BIGINT NOT NULL, message_count INTEGER NOT NULL)");
      st.executeUpdate("CREATE INDEX IF NOT EXISTS egretta_session_recent ON egretta_session (org_id, last_activity_at)");
      st.executeUpdate("CREATE TABLE IF NOT EXISTS egretta_message (message_id BIGSERIAL PRIMARY KEY, "
          + "session_id VARCHAR(36) NOT NULL, sender VARCHAR(16) NOT NULL, content TEXT NOT NULL, model_id TEXT NOT NULL, "
          + "mode VARCHAR(16), sources_json TEXT NOT NULL, input_tokens BIGINT NOT NULL, output_tokens BIGINT NOT NULL, "
          + "context_quality_json TEXT, created_at BIGINT NOT NULL)");
      st.executeUpdate("CREATE INDEX IF NOT EXISTS egretta_message_session ON egretta_message (session_id, message_id)");
      st.executeUpdate("INSERT INTO egretta_session VALUES ('" + id + "', 'acme', 'Who approves the plan?', "
          + "'business-continuity', 'Business Continuity', 'us', 'United States', 1764900000000000, 1764900000000000, 1)");
      st.executeUpdate("INSERT INTO egretta_message (session_id, sender, content, model_id, mode, sources_json, "
          + "input_tokens, output_tokens, context_quality_json, created_at) VALUES ('" + id + "', 'user', "
          + "'Who approves the plan?', 'egretta-extractive', NULL, '[]', 0, 0, NULL, 1764900000000000)");
    }

    try (JdbcSessionStore store = JdbcSessionStore.open(url, server.user(), null)) {
      assertThat(store.find(Organisation.of("acme"), id)).get()
          .extracting(s -> s.title()).isEqualTo("Who approves the plan?");
      assertThat(store.messages(Organisation.of("acme"), id)).singleElement()
          .extracting(m -> m.message().content()).isEqualTo("Who approves the plan?");
    }
    assertThat(versions(url)).containsExactly(1);
  }

  @Test
  void refusesADatabaseWrittenByANewerEgretta() throws Exception {
    String url = newDatabase("future");
    JdbcSessionStore.open(url, server.user(), null).close();
    try (Connection c = connect(url); Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO egretta_schema_version (version, description, applied_at) "
          + "VALUES (2, 'a change this code does not know', 0)");
    }

    assertThatThrownBy(() -> JdbcSessionStore.open(url, server.user(), null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("/future")
        .hasMessageContaining("has schema version 2, but this Egretta knows versions up to 1");
  }

  @Test
  void serversOpeningANewDatabaseAtOnceCreateItOnce() throws Exception {
    String url = newDatabase("shared");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> opens = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        opens.add(pool.submit(() -> {
          JdbcSessionStore.open(url, server.user(), null).close();
          return null;
        }));
      }
      for (Future<?> f : opens) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(versions(url)).containsExactly(1);
  }

  private static String newDatabase(String name) throws SQLException {
    try (Connection c = connect(server.jdbcUrl()); Statement st = c.createStatement()) {
      st.executeUpdate("CREATE DATABASE " + name);
    }
    return server.jdbcUrl().replaceAll("/[^/]*$", "/" + name);
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, server.user(), null);
  }

  private static List<Integer> versions(String url) throws SQLException {
    try (Connection c = connect(url); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT version FROM egretta_schema_version ORDER BY version")) {
      List<Integer> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
      return out;
    }
  }
}
