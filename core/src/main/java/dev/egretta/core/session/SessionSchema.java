package dev.egretta.core.session;

import dev.egretta.core.ConfigurationException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The versioned schema of {@link JdbcSessionStore}: table {@value #VERSION_TABLE} holds one row per
 * applied migration, and opening a store applies the missing ones in order, in one transaction.
 * Migration 1 is the schema of the first release, written with {@code IF NOT EXISTS} so that a
 * database created before versioning (tables present, no version row) is adopted as version 1 with
 * its data untouched. A database at a version newer than the code knows is refused, not guessed at.
 */
final class SessionSchema {

  static final String VERSION_TABLE = "egretta_schema_version";

  /** Every migration, in order. Append a new one for a schema change; never edit a released one. */
  static final SessionSchema CURRENT = new SessionSchema(List.of(
      new SchemaMigration(1, "sessions and messages", SessionSchema::sessionsAndMessages)));

  private static final System.Logger LOG = System.getLogger(SessionSchema.class.getName());

  /** Key of PostgreSQL's advisory lock that serialises concurrent upgrades of one database. */
  private static final long UPGRADE_LOCK = 0x6567726574746131L; // "egretta1"

  private final List<SchemaMigration> migrations;

  SessionSchema(List<SchemaMigration> migrations) {
    if (migrations.isEmpty()) {
      throw new IllegalArgumentException("a schema needs at least one migration");
    }
    for (int i = 0; i < migrations.size(); i++) {
      if (migrations.get(i).version() != i + 1) {
        throw new IllegalArgumentException("migrations must be numbered 1, 2, 3... in order; migration " + (i + 1)
            + " has version " + migrations.get(i).version());
      }
    }
    this.migrations = List.copyOf(migrations);
  }

  List<SchemaMigration> migrations() {
    return migrations;
  }

  /** The version this code writes. */
  int latest() {
    return migrations.size();
  }

  /**
   * Brings the database to {@link #latest()}; call inside a transaction, so that a failed step
   * leaves the database as it was.
   *
   * @return the version the database had before (0 when it had none)
   * @throws ConfigurationException when the database's version is newer than {@link #latest()}
   */
  int upgrade(Connection c, SqlDialect dialect) throws SQLException {
    try (Statement st = c.createStatement()) {
      dialect.lockForUpgrade(st, UPGRADE_LOCK);
      st.executeUpdate("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " (version INTEGER PRIMARY KEY, "
          + "description TEXT NOT NULL, applied_at BIGINT NOT NULL)");
      int current = version(st);
      if (current > latest()) {
        throw new ConfigurationException("the session database " + ConnectionSource.redact(c.getMetaData().getURL())
            + " has schema version " + current + ", but this Egretta knows versions up to " + latest()
            + ": open it with the Egretta that wrote it (or a newer one), or use another session database");
      }
      // Creating the tables of a new store is routine; upgrading a store's data is worth a note.
      Level level = current == 0 ? Level.DEBUG : Level.INFO;
      for (SchemaMigration m : migrations.subList(current, latest())) {
        apply(c, st, dialect, m, level);
      }
      return current;
    }
  }

  /** Whether the database is at this code's version; read outside a transaction, so it waits for no writer. */
  boolean isCurrent(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      return version(st) == latest();
    } catch (SQLException e) {
      if (!c.getAutoCommit()) {
        c.rollback(); // PostgreSQL: a failed statement would poison the upgrade's transaction
      }
      return false; // no version table yet: the upgrade creates it
    }
  }

  /** The database's version: the highest applied migration, 0 when none is recorded. */
  static int version(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM " + VERSION_TABLE)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static void apply(Connection c, Statement st, SqlDialect dialect, SchemaMigration m, Level level)
      throws SQLException {
    try {
      m.step().apply(st, dialect);
    } catch (SQLException e) {
      throw new SQLException("migration " + m.version() + " (" + m.description() + ") failed: " + e.getMessage(),
          e.getSQLState(), e);
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO " + VERSION_TABLE + " (version, description, applied_at) VALUES (?, ?, ?)")) {
      ps.setInt(1, m.version());
      ps.setString(2, m.description());
      ps.setLong(3, JdbcSessionStore.micros(Instant.now()));
      ps.executeUpdate();
    }
    LOG.log(level, "session schema: applied migration {0} ({1})", m.version(), m.description());
  }

  /** Migration 1: the schema of the first release (before versioning), kept exactly as it was. */
  private static void sessionsAndMessages(Statement st, SqlDialect dialect) throws SQLException {
    st.executeUpdate("CREATE TABLE IF NOT EXISTS egretta_session (session_id VARCHAR(36) PRIMARY KEY, "
        + "org_id VARCHAR(64) NOT NULL, title TEXT NOT NULL, domain_slug TEXT NOT NULL, domain_name TEXT NOT NULL, "
        + "category_code TEXT NOT NULL, category_name TEXT NOT NULL, created_at BIGINT NOT NULL, "
        + "last_activity_at BIGINT NOT NULL, message_count INTEGER NOT NULL)");
    st.executeUpdate("CREATE INDEX IF NOT EXISTS egretta_session_recent ON egretta_session (org_id, last_activity_at)");
    st.executeUpdate("CREATE TABLE IF NOT EXISTS egretta_message (message_id " + dialect.serialKey() + ", "
        + "session_id VARCHAR(36) NOT NULL, sender VARCHAR(16) NOT NULL, content TEXT NOT NULL, model_id TEXT NOT NULL, "
        + "mode VARCHAR(16), sources_json TEXT NOT NULL, input_tokens BIGINT NOT NULL, output_tokens BIGINT NOT NULL, "
        + "context_quality_json TEXT, created_at BIGINT NOT NULL)");
    st.executeUpdate("CREATE INDEX IF NOT EXISTS egretta_message_session ON egretta_message (session_id, message_id)");
  }
}
