package dev.egretta.server;

import dev.egretta.api.Category;
import dev.egretta.api.ContextQuality;
import dev.egretta.api.Domain;
import dev.egretta.api.ErrorBody;
import dev.egretta.api.Message;
import dev.egretta.api.ModelInfo;
import dev.egretta.api.Performance;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.Relevance;
import dev.egretta.api.RenameResponse;
import dev.egretta.api.Sender;
import dev.egretta.api.SessionSummary;
import dev.egretta.api.Source;
import dev.egretta.api.SourceType;
import dev.egretta.api.StreamEvent;
import dev.egretta.api.Usage;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.Cancellable;
import dev.egretta.core.Engine;
import dev.egretta.core.NotFoundException;
import dev.egretta.core.Organisation;
import dev.egretta.core.StreamListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A small in-memory {@link Engine} for HTTP-layer tests: it returns contract records with fixed
 * text, keeps sessions per organisation (another organisation's session is "not found", exactly
 * like an unknown one) and streams its answer word by word on a virtual thread, with an optional
 * pause between words, so that cancellation can be observed. It stands in for the real engine only
 * where the test is about the HTTP layer; the end-to-end tests use the real one.
 */
final class FakeEngine implements Engine {
  static final String ANSWER = "# Backups\n\nKeep three copies of your data [Source 1].";

  private record Session(Organisation owner, UUID id, String domain, String category, String title,
      Instant createdAt, List<Message> messages) {}

  private final Map<UUID, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicLong messageIds = new AtomicLong();
  final AtomicInteger runningGenerations = new AtomicInteger();
  final AtomicInteger cancelledGenerations = new AtomicInteger();
  final AtomicBoolean closed = new AtomicBoolean();
  volatile long pauseBetweenDeltasMillis;
  /** When set, {@link #query} throws what it returns (for error-mapping tests). */
  volatile Function<ValidatedQuery, RuntimeException> failure;
  /** When set, {@link #query} waits on it (for graceful-shutdown tests). */
  volatile CountDownLatch queryGate;
  /** Whether the last blocking query ran on a virtual thread. */
  volatile boolean lastQueryOnVirtualThread;
  /** Counted down when a query reaches the engine. */
  final CountDownLatch queryEntered = new CountDownLatch(1);

  static Source source() {
    return new Source("s3://bucket/business-continuity/pdf/us/backup.pdf", "backup.pdf", 12,
        "Keep three copies of your data.", 0.84, Relevance.HIGHLY_RELEVANT, SourceType.DOCUMENT, null, false);
  }

  @Override
  public QueryResponse query(ValidatedQuery query, Organisation caller) {
    if (failure != null) {
      throw failure.apply(query);
    }
    lastQueryOnVirtualThread = Thread.currentThread().isVirtual();
    queryEntered.countDown();
    CountDownLatch gate = queryGate;
    if (gate != null) {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return answer(query, caller);
  }

  private QueryResponse answer(ValidatedQuery query, Organisation caller) {
    Session session = query.sessionId().map(id -> find(caller, id)).orElseGet(() -> {
      Session created = new Session(caller, UUID.randomUUID(), query.domain(), query.category(), query.query(),
          Instant.now(), new ArrayList<>());
      sessions.put(created.id(), created);
      return created;
    });
    ContextQuality quality = new ContextQuality(false, 1, 0.84);
    synchronized (session) {
      session.messages().add(new Message(session.id().toString(), Sender.USER, query.query(), null, List.of(), 0, 0,
          Instant.now(), null));
      session.messages().add(new Message(session.id().toString(), Sender.ASSISTANT, ANSWER, "fake-model",
          List.of(source()), 100, 20, Instant.now(), quality));
    }
    return new QueryResponse(ANSWER, List.of(source()), List.of("What about offsite copies?"), quality,
        new Usage(100, 20, 0.0001, query.modelId().orElse("fake-model")),
        new Performance(3, 5, 9, 1, 0.84), session.id().toString(), messageIds.incrementAndGet());
  }

  @Override
  public Cancellable stream(ValidatedQuery query, Organisation caller, StreamListener listener) {
    query.sessionId().ifPresent(id -> find(caller, id)); // unknown sessions fail before streaming starts
    AtomicBoolean cancelled = new AtomicBoolean();
    runningGenerations.incrementAndGet();
    Thread.ofVirtual().start(() -> {
      try {
        QueryResponse response = answer(query, caller);
        listener.onEvent(new StreamEvent.Sources(response.sources()));
        for (String piece : ANSWER.split("(?<= )")) {
          if (cancelled.get()) {
            return;
          }
          if (pauseBetweenDeltasMillis > 0) {
            Thread.sleep(pauseBetweenDeltasMillis);
          }
          listener.onEvent(new StreamEvent.Delta(piece));
        }
        if (!cancelled.get()) {
          listener.onEvent(new StreamEvent.Done(response));
        }
      } catch (InterruptedException e) {
        listener.onEvent(new StreamEvent.Error(ErrorBody.of("interrupted")));
      } finally {
        runningGenerations.decrementAndGet();
      }
    });
    return () -> {
      if (cancelled.compareAndSet(false, true)) {
        cancelledGenerations.incrementAndGet();
      }
    };
  }

  @Override
  public List<SessionSummary> recentSessions(Organisation caller, int limit) {
    return sessions.values().stream()
        .filter(s -> s.owner().equals(caller))
        .sorted(Comparator.comparing(Session::createdAt).reversed())
        .limit(limit)
        .map(s -> new SessionSummary(s.id().toString(), s.title(), s.domain(), "Business Continuity", "United States",
            s.category(), s.createdAt(), s.createdAt(), s.messages().size()))
        .toList();
  }

  @Override
  public List<Message> messages(Organisation caller, UUID sessionId) {
    Session session = find(caller, sessionId);
    synchronized (session) {
      return List.copyOf(session.messages());
    }
  }

  @Override
  public RenameResponse rename(Organisation caller, UUID sessionId, String title) {
    Session session = find(caller, sessionId);
    sessions.put(sessionId, new Session(session.owner(), session.id(), session.domain(), session.category(), title,
        session.createdAt(), session.messages()));
    return new RenameResponse(sessionId.toString(), title);
  }

  @Override
  public void deleteSession(Organisation caller, UUID sessionId) {
    find(caller, sessionId);
    sessions.remove(sessionId);
  }

  @Override
  public List<ModelInfo> models() {
    return List.of(new ModelInfo("fake-model", "Fake", "standard", 1.0, true, true));
  }

  @Override
  public List<Domain> domains(Organisation caller) {
    return List.of(new Domain("business-continuity", "Business Continuity"));
  }

  @Override
  public List<Category> categories(Organisation caller, String domain) {
    if (!domain.equals("business-continuity")) {
      throw new NotFoundException("Domain not found.");
    }
    return List.of(new Category("us", "United States"));
  }

  @Override
  public void close() {
    closed.set(true);
  }

  private Session find(Organisation caller, UUID id) {
    Session session = sessions.get(id);
    if (session == null || !session.owner().equals(caller)) {
      throw new NotFoundException("Session not found.");
    }
    return session;
  }
}
