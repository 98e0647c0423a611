package dev.egretta.core.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.egretta.api.ContextQuality;
import dev.egretta.api.EgretJson;
import dev.egretta.api.Mode;
import dev.egretta.api.Sender;
import dev.egretta.api.Source;
import dev.egretta.core.ConfigurationException;
import dev.egretta.core.EgrettaException;
import dev.egretta.core.NotFoundException;
import dev.egretta.core.Organisation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Sessions in a relational database through JDBC: SQLite (durable and embedded: one file that
 * survives restarts) or PostgreSQL (shared by several servers). The dialect is detected from the
 * connection. The schema is versioned: opening a store creates the tables ({@code egretta_session},
 * {@code egretta_message}) or upgrades them by ordered migrations, recorded in
 * {@code egretta_schema_version}; a database created before versioning is adopted as version 1, and
 * one written by a newer Egretta is refused with a {@link ConfigurationException}. Times are kept as
 * microseconds since the epoch; sources and context quality as Egret JSON. Thread-safe; storage failures become
 * {@link EgrettaException}s naming the operation.
 *
 * <pre>{@code
 * SessionStore local = JdbcSessionStore.sqlite(Path.of("index/sessions.db"));
 * SessionStore shared = JdbcSessionStore.open("jdbc:postgresql://127.0.0.1:5432/egretta", "egretta", secret);
 * }</pre>
 * The JDBC driver must be on the class path (core brings SQLite's; add {@code org.postgresql:postgresql}
 * for PostgreSQL).
 */
public final class JdbcSessionStore implements SessionStore {

  private static final TypeReference<List<Source>> SOURCES = new TypeReference<>() {};

  /** The file name of the durable store kept inside an index folder by {@link #besideIndex}. */
  public static final String INDEX_FILE_NAME = "egretta-sessions.db";

  private final ConnectionSource connections;
  private final SqlDialect dialect;

  private JdbcSessionStore(ConnectionSource connections, SessionSchema schema) {
    this.connections = connections;
    try {
      this.dialect = connections.call("open the session store", c -> SqlDialect.of(c.getMetaData().getDatabaseProductName()));
      // Most opens find the schema current, and checking reads only: a process starting while others write
      // then waits for no write lock (8 processes opening one SQLite file on a busy machine waited > 10 s and failed).
      if (!connections.call("read the session schema version", schema::isCurrent)) {
        connections.transaction("open the session store", c -> schema.upgrade(c, dialect));
      }
    } catch (RuntimeException e) {
      try {
        connections.close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** A durable SQLite store in {@code file} (created with its parent folders when missing). */
  public static JdbcSessionStore sqlite(Path file) {
    return sqlite(file, SessionSchema.CURRENT);
  }

  /** {@link #sqlite(Path)} with another list of migrations (tests of the schema's upgrades). */
  static JdbcSessionStore sqlite(Path file, SessionSchema schema) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        dev.egretta.core.internal.FilePermissions.createPrivateDirectories(parent);
      }
      // Owner-only before SQLite opens it: its -wal and -shm files take the database file's mode.
      dev.egretta.core.internal.FilePermissions.createPrivateFileIfAbsent(file);
    } catch (IOException e) {
      throw new ConfigurationException("cannot create the folder of session database " + file + ": " + e.getMessage(), e);
    }
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    return new JdbcSessionStore(ConnectionSource.single(url, properties(url, null, null)), schema);
  }

  /**
   * A durable SQLite store in {@value #INDEX_FILE_NAME} inside the index folder, so that sessions
   * persist between runs and travel with the index. (The CLI keeps its store elsewhere: in
   * {@code sessions.db} next to the index folder, or where {@code --sessions} says.)
   */
  public static JdbcSessionStore besideIndex(Path indexDir) {
    return sqlite(indexDir.resolve(INDEX_FILE_NAME));
  }

  /** A store over a JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql://...}); one connection, reopened when broken. */
  public static JdbcSessionStore open(String jdbcUrl, String user, String password) {
    return new JdbcSessionStore(ConnectionSource.single(jdbcUrl, properties(jdbcUrl, user, password)),
        SessionSchema.CURRENT);
  }

  /** A store over a pooled {@link DataSource}: one connection per operation. */
  public static JdbcSessionStore open(DataSource dataSource) {
    return new JdbcSessionStore(ConnectionSource.pooled(dataSource), SessionSchema.CURRENT);
  }

  private static Properties properties(String jdbcUrl, String user, String password) {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      props.setProperty("journal_mode", "WAL");
      props.setProperty("busy_timeout", "10000");
      // Take the write lock when a transaction begins, not at its first write: two processes
      // upgrading one file's schema (or renaming a session) then wait for each other instead of failing.
      props.setProperty("transaction_mode", "IMMEDIATE");
    }
    return props;
  }

  @Override
  public void create(SessionRecord s) {
    connections.call("create session " + s.id(), c -> {
      try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM egretta_session WHERE session_id = ?")) {
        exists.setString(1, s.id().toString());
        try (ResultSet rs = exists.executeQuery()) {
          if (rs.next()) {
            throw new IllegalArgumentException("a session with id " + s.id() + " already exists");
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO egretta_session (session_id, org_id, title, domain_slug, "
          + "domain_name, category_code, category_name, created_at, last_activity_at, message_count) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, s.id().toString());
        ps.setString(2, s.organisation().id());
        ps.setString(3, s.title());
        ps.setString(4, s.domainSlug());
        ps.setString(5, s.domainName());
        ps.setString(6, s.categoryCode());
        ps.setString(7, s.categoryName());
        ps.setLong(8, micros(s.createdAt()));
        ps.setLong(9, micros(s.lastActivityAt()));
        ps.setInt(10, s.messageCount());
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<SessionRecord> find(Organisation organisation, UUID sessionId) {
    return connections.call("read session " + sessionId, c -> findSession(c, organisation, sessionId));
  }

  @Override
  public List<StoredMessage> append(Organisation organisation, UUID sessionId, List<NewMessage> messages) {
    return connections.transaction("append to session " + sessionId, c -> {
      Instant last = messages.stream().map(NewMessage::createdAt).max(Instant::compareTo).orElse(Instant.EPOCH);
      try (PreparedStatement ps = c.prepareStatement("UPDATE egretta_session SET message_count = message_count + ?, "
          + "last_activity_at = " + dialect.greatest("last_activity_at", "?") + " WHERE org_id = ? AND session_id = ?")) {
        ps.setInt(1, messages.size());
        ps.setLong(2, micros(last));
        ps.setString(3, organisation.id());
        ps.setString(4, sessionId.toString());
        if (ps.executeUpdate() == 0) {
          throw SessionStore.notFound(sessionId);
        }
      }
      List<StoredMessage> stored = new ArrayList<>(messages.size());
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO egretta_message (session_id, sender, content, model_id, "
          + "mode, sources_json, input_tokens, output_tokens, context_quality_json, created_at) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING message_id")) {
        for (NewMessage m : messages) {
          NewMessage n = new NewMessage(m.sender(), m.content(), m.modelId(), m.mode(), m.sources(), m.inputTokens(),
              m.outputTokens(), m.contextQuality(), SessionStore.micros(m.createdAt()));
          ps.setString(1, sessionId.toString());
          ps.setString(2, n.sender().wireName());
          ps.setString(3, n.content());
          ps.setString(4, n.modelId());
          ps.setString(5, n.mode() == null ? null : n.mode().wireName());
          ps.setString(6, json(n.sources()));
          ps.setLong(7, n.inputTokens());
          ps.setLong(8, n.outputTokens());
          ps.setString(9, n.contextQuality() == null ? null : json(n.contextQuality()));
          ps.setLong(10, micros(n.createdAt()));
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            stored.add(new StoredMessage(rs.getLong(1), sessionId, n));
          }
        }
      }
      return List.copyOf(stored);
    });
  }

  @Override
  public List<SessionRecord> recent(Organisation organisation, int limit) {
    SessionStore.checkLimit(limit);
    return connections.call("list recent sessions", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT * FROM egretta_session WHERE org_id = ? "
          + "ORDER BY last_activity_at DESC, created_at DESC, session_id LIMIT ?")) {
        ps.setString(1, organisation.id());
        ps.setInt(2, limit);
        List<SessionRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(session(rs));
          }
        }
        return out;
      }
    });
  }

  @Override
  public List<StoredMessage> messages(Organisation organisation, UUID sessionId) {
    return connections.call("read the messages of session " + sessionId, c -> {
      if (findSession(c, organisation, sessionId).isEmpty()) {
        throw SessionStore.notFound(sessionId);
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT * FROM egretta_message WHERE session_id = ? ORDER BY message_id")) {
        ps.setString(1, sessionId.toString());
        List<StoredMessage> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(message(rs, sessionId));
          }
        }
        return out;
      }
    });
  }

  @Override
  public SessionRecord rename(Organisation organisation, UUID sessionId, String title) {
    return connections.transaction("rename session " + sessionId, c -> {
      SessionRecord s = findSession(c, organisation, sessionId).orElseThrow(() -> SessionStore.notFound(sessionId));
      SessionRecord renamed = s.withTitle(title);
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE egretta_session SET title = ? WHERE org_id = ? AND session_id = ?")) {
        ps.setString(1, title);
        ps.setString(2, organisation.id());
        ps.setString(3, sessionId.toString());
        ps.executeUpdate();
      }
      return renamed;
    });
  }

  @Override
  public void delete(Organisation organisation, UUID sessionId) {
    connections.transaction("delete session " + sessionId, c -> {
      if (findSession(c, organisation, sessionId).isEmpty()) {
        throw SessionStore.notFound(sessionId);
      }
      try (PreparedStatement m = c.prepareStatement("DELETE FROM egretta_message WHERE session_id = ?");
           PreparedStatement s = c.prepareStatement("DELETE FROM egretta_session WHERE org_id = ? AND session_id = ?")) {
        m.setString(1, sessionId.toString());
        m.executeUpdate();
        s.setString(1, organisation.id());
        s.setString(2, sessionId.toString());
        s.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void close() {
    connections.close();
  }

  private static Optional<SessionRecord> findSession(Connection c, Organisation org, UUID id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM egretta_session WHERE org_id = ? AND session_id = ?")) {
      ps.setString(1, org.id());
      ps.setString(2, id.toString());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(session(rs)) : Optional.empty();
      }
    }
  }

  private static SessionRecord session(ResultSet rs) throws SQLException {
    return new SessionRecord(UUID.fromString(rs.getString("session_id")), Organisation.of(rs.getString("org_id")),
        rs.getString("title"), rs.getString("domain_slug"), rs.getString("domain_name"), rs.getString("category_code"),
        rs.getString("category_name"), instant(rs.getLong("created_at")), instant(rs.getLong("last_activity_at")),
        rs.getInt("message_count"));
  }

  private static StoredMessage message(ResultSet rs, UUID sessionId) throws SQLException {
    String mode = rs.getString("mode");
    String quality = rs.getString("context_quality_json");
    try {
      NewMessage m = new NewMessage(
          Sender.valueOf(rs.getString("sender").toUpperCase(Locale.ROOT)), rs.getString("content"), rs.getString("model_id"),
          mode == null ? null : Mode.parse(mode).orElseThrow(), EgretJson.mapper().readValue(rs.getString("sources_json"), SOURCES),
          rs.getLong("input_tokens"), rs.getLong("output_tokens"),
          quality == null ? null : EgretJson.mapper().readValue(quality, ContextQuality.class),
          instant(rs.getLong("created_at")));
      return new StoredMessage(rs.getLong("message_id"), sessionId, m);
    } catch (JsonProcessingException e) {
      throw new EgrettaException("message " + rs.getLong("message_id") + " of session " + sessionId
          + " holds unreadable JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String json(Object value) {
    return EgretJson.write(value);
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
