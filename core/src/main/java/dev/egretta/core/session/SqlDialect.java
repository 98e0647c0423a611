package dev.egretta.core.session;

import dev.egretta.core.ConfigurationException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** What differs between the databases {@link JdbcSessionStore} supports (the schema is {@link SessionSchema}). */
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

  /** The column type of an auto-incremented primary key. */
  String serialKey() {
    return serialKey;
  }

  /**
   * Serialises schema upgrades of one database until the transaction ends: PostgreSQL may be opened
   * by several servers at once. SQLite needs nothing here (one writer at a time, and the CLI holds
   * its index lock).
   */
  void lockForUpgrade(Statement st, long key) throws SQLException {
    if (this == POSTGRESQL) {
      st.execute("SELECT pg_advisory_xact_lock(" + key + ")");
    }
  }
}
