package dev.egretta.core.session;

import dev.egretta.core.Organisation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions in memory, lost when the process ends; for tests and short-lived embedded use.
 * Thread-safe (one lock; operations are tiny).
 */
public final class InMemorySessionStore implements SessionStore {

  private final Map<UUID, SessionRecord> sessions = new HashMap<>();
  private final Map<UUID, List<StoredMessage>> messages = new HashMap<>();
  private long nextMessageId = 1;

  @Override
  public synchronized void create(SessionRecord session) {
    Objects.requireNonNull(session, "session");
    if (sessions.containsKey(session.id())) {
      throw new IllegalArgumentException("a session with id " + session.id() + " already exists");
    }
    sessions.put(session.id(), normalised(session));
    messages.put(session.id(), new ArrayList<>());
  }

  @Override
  public synchronized Optional<SessionRecord> find(Organisation organisation, UUID sessionId) {
    return Optional.ofNullable(owned(organisation, sessionId));
  }

  @Override
  public synchronized List<StoredMessage> append(Organisation organisation, UUID sessionId, List<NewMessage> added) {
    SessionRecord session = require(organisation, sessionId);
    List<StoredMessage> stored = new ArrayList<>(added.size());
    SessionRecord updated = session;
    for (NewMessage m : added) {
      NewMessage n = withMicros(m);
      stored.add(new StoredMessage(nextMessageId++, sessionId, n));
      updated = updated.touched(1, n.createdAt());
    }
    messages.get(sessionId).addAll(stored);
    sessions.put(sessionId, updated);
    return List.copyOf(stored);
  }

  @Override
  public synchronized List<SessionRecord> recent(Organisation organisation, int limit) {
    SessionStore.checkLimit(limit);
    return sessions.values().stream()
        .filter(s -> s.organisation().equals(organisation))
        .sorted(Comparator.comparing(SessionRecord::lastActivityAt).reversed()
            .thenComparing(Comparator.comparing(SessionRecord::createdAt).reversed())
            .thenComparing(s -> s.id().toString()))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<StoredMessage> messages(Organisation organisation, UUID sessionId) {
    require(organisation, sessionId);
    return List.copyOf(messages.get(sessionId));
  }

  @Override
  public synchronized SessionRecord rename(Organisation organisation, UUID sessionId, String title) {
    SessionRecord renamed = require(organisation, sessionId).withTitle(title);
    sessions.put(sessionId, renamed);
    return renamed;
  }

  @Override
  public synchronized void delete(Organisation organisation, UUID sessionId) {
    require(organisation, sessionId);
    sessions.remove(sessionId);
    messages.remove(sessionId);
  }

  private SessionRecord owned(Organisation organisation, UUID sessionId) {
    SessionRecord s = sessions.get(sessionId);
    return s != null && s.organisation().equals(organisation) ? s : null;
  }

  private SessionRecord require(Organisation organisation, UUID sessionId) {
    SessionRecord s = owned(organisation, sessionId);
    if (s == null) {
      throw SessionStore.notFound(sessionId);
    }
    return s;
  }

  private static SessionRecord normalised(SessionRecord s) {
    return new SessionRecord(s.id(), s.organisation(), s.title(), s.domainSlug(), s.domainName(), s.categoryCode(),
        s.categoryName(), SessionStore.micros(s.createdAt()), SessionStore.micros(s.lastActivityAt()), s.messageCount());
  }

  private static NewMessage withMicros(NewMessage m) {
    return new NewMessage(m.sender(), m.content(), m.modelId(), m.mode(), m.sources(), m.inputTokens(),
        m.outputTokens(), m.contextQuality(), SessionStore.micros(m.createdAt()));
  }
}
