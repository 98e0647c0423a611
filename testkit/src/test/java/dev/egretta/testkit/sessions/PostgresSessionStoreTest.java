package dev.egretta.testkit.sessions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.egretta.core.session.JdbcSessionStore;
import dev.egretta.core.session.SessionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract against a real PostgreSQL server started for this class on 127.0.0.1. */
class PostgresSessionStoreTest extends SessionStoreContract {

  private static LocalPostgres server;

  @BeforeAll
  static void startServer() throws Exception {
    assumeTrue(LocalPostgres.available(), "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); "
        + "CI installs it with .ci/setup.d/postgresql.sh; skipping the PostgreSQL session-store contract");
    server = LocalPostgres.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected SessionStore openStore() {
    return JdbcSessionStore.open(server.jdbcUrl(), server.user(), null);
  }

  @Override
  protected SessionStore reopen() {
    return openStore();
  }
}
