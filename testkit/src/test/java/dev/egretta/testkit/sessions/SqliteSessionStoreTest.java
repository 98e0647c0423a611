package dev.egretta.testkit.sessions;

import dev.egretta.core.session.JdbcSessionStore;
import dev.egretta.core.session.SessionStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteSessionStoreTest extends SessionStoreContract {
  @TempDir
  Path dir;

  @Override
  protected SessionStore openStore() {
    return JdbcSessionStore.sqlite(dir.resolve("nested/sessions.db"));
  }

  @Override
  protected SessionStore reopen() {
    return JdbcSessionStore.sqlite(dir.resolve("nested/sessions.db"));
  }
}
