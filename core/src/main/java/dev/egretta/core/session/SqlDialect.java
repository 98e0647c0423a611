package dev.egretta.core.session;

import dev.egretta.core.ConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What differs between the databases {@link JdbcSessionStore} supports, and the schema it creates. */
enum SqlDialect {
  SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", "MAX"),
  POSTGRESQL("BIGSERIAL PRIMARY KEY", "GREATEST");

  private final String serialKey;
  private final String greatest;

  SqlDialect(String serialKey, String greatest) {
    this.serialKey = serialKey;
    this.greatest = greatest;
  }

  static SqlDialect of(String product) {
    return switch (product.toLowerCase(Locale.ROOT)) {
      case "sqlite" -> SQLITE;
      case "postgresql" -> POSTGRESQL;
      default -> throw new ConfigurationException("session stores support SQLite and PostgreSQL; this database is " + product);
    };
  }

  String greatest(String a, String b) {
    return greatest + "(" + a + ", " + b + ")";
  }

  void createSchema(Connection c) throws SQLException {
    try (var st = c.createStatement()) {
      st.executeUpdate("CREATE TABLE IF NOT EXISTS egretta_session (session_id VARCHAR(36) PRIMARY KEY, "
          + "org_id VARCHAR(64) NOT NULL, title TEXT NOT NULL, domain_slug TEXT NOT NULL, domain_name TEXT NOT NULL, "
          + "category_code TEXT NOT NULL, category_name TEXT NOT NULL, created_at BIGINT NOT NULL, "
          + "last_activity_at BIGINT NOT NULL, message_count INTEGER NOT NULL)");
      st.executeUpdate("CREATE INDEX IF NOT EXISTS egretta_session_recent ON egretta_session (org_id, last_activity_at)");
      st.executeUpdate("CREATE TABLE IF NOT EXISTS egretta_message (message_id " + serialKey + ", "
          + "session_id VARCHAR(36) NOT NULL, sender VARCHAR(16) NOT NULL, content TEXT NOT NULL, model_id TEXT NOT NULL, "
          + "mode VARCHAR(16), sources_json TEXT NOT NULL, input_tokens BIGINT NOT NULL, output_tokens BIGINT NOT NULL, "
          + "context_quality_json TEXT, created_at BIGINT NOT NULL)");
      st.executeUpdate("CREATE INDEX IF NOT EXISTS egretta_message_session ON egretta_message (session_id, message_id)");
    }
  }
}
