package dev.egretta.core.session;

import dev.egretta.core.NotFoundException;
import dev.egretta.core.Organisation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps sessions and their messages. Every operation is keyed by organisation: another
 * organisation's session id behaves exactly like an unknown id ({@link Optional#empty()} or
 * {@link NotFoundException} with the same message). Implementations are thread-safe, and
 * translate storage failures into {@link dev.egretta.core.EgrettaException}s.
 *
 * <p>Implementations: {@link InMemorySessionStore}; {@link JdbcSessionStore} for SQLite (durable,
 * embedded) and PostgreSQL. The testkit's {@code SessionStoreContract} is the suite every store passes.
 */
public interface SessionStore extends AutoCloseable {

  /**
   * Stores a new session.
   *
   * @throws IllegalArgumentException when a session with that id exists (for any organisation)
   */
  void create(SessionRecord session);

  /** The caller's session with that id. */
  Optional<SessionRecord> find(Organisation organisation, UUID sessionId);

  /**
   * Appends messages in order, atomically; assigns increasing ids; advances
   * {@code last_activity_at} to the latest message time and {@code message_count}.
   *
   * @throws NotFoundException when the caller has no such session
   */
  List<StoredMessage> append(Organisation organisation, UUID sessionId, List<NewMessage> messages);

  /** The caller's sessions with the latest activity first, at most {@code limit} (>= 1). */
  List<SessionRecord> recent(Organisation organisation, int limit);

  /**
   * A session's messages, oldest first.
   *
   * @throws NotFoundException when the caller has no such session
   */
  List<StoredMessage> messages(Organisation organisation, UUID sessionId);

  /**
   * Renames a session (the title is stored as given; callers validate it).
   *
   * @throws NotFoundException when the caller has no such session
   */
  SessionRecord rename(Organisation organisation, UUID sessionId, String title);

  /**
   * Deletes a session and its messages.
   *
   * @throws NotFoundException when the caller has no such session
   */
  void delete(Organisation organisation, UUID sessionId);

  /** Releases connections; idempotent. */
  @Override
  default void close() {}

  /** The message every store uses for an unknown (or foreign) session id. */
  static NotFoundException notFound(UUID sessionId) {
    return new NotFoundException("session " + sessionId + " not found");
  }

  /** Checks a recent-sessions limit. */
  static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1; got " + limit);
    }
  }

  /** Truncates a time to the microseconds every store keeps. */
  static Instant micros(Instant t) {
    return t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }
}
