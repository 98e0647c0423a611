package dev.egretta.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.Engine;
import dev.egretta.core.Organisation;
import dev.egretta.core.session.JdbcSessionStore;
import dev.egretta.core.session.SessionStore;
import dev.egretta.spring.testapp.TestApplication;
import dev.egretta.testkit.sessions.LocalPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application's {@code DataSource} (Spring Boot's pool over a real PostgreSQL) becomes the
 * session store without any Egretta property: a query's conversation lands in PostgreSQL's tables.
 */
@EnabledIf("postgresAvailable")
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PostgresSessionsTest {
  private static final TestCorpus CORPUS = TestCorpus.create("acme");
  private static LocalPostgres postgres;

  static boolean postgresAvailable() {
    return LocalPostgres.available();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    postgres = LocalPostgres.start();
    registry.add("spring.datasource.url", postgres::jdbcUrl);
    registry.add("spring.datasource.username", postgres::user);
    registry.add("egretta.index-dir", CORPUS.index::toString);
    registry.add("egretta.documents-dir", CORPUS.documents::toString);
  }

  @AfterAll
  static void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Autowired
  Engine engine;

  @Autowired
  SessionStore sessions;

  @Autowired
  DataSource dataSource;

  @Test
  void conversationsAreKeptInTheApplicationsPostgresql() throws Exception {
    assertThat(sessions).isInstanceOf(JdbcSessionStore.class);
    QueryResponse r = engine.query(ValidatedQuery.of("Who approves the contingency plan?", "business-continuity", "us",
        Mode.COMPLIANCE), Organisation.of("acme"));
    assertThat(r.response()).contains("Chief Information Officer").contains("[Source 1]");

    try (Connection c = dataSource.getConnection();
         PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM egretta_message WHERE session_id = ?")) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      ps.setString(1, r.sessionId());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(2);
      }
    }
  }
}
