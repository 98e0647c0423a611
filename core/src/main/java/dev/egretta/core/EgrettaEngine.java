package dev.egretta.core;

import dev.egretta.api.Category;
import dev.egretta.api.Domain;
import dev.egretta.api.Message;
import dev.egretta.api.ModelInfo;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.RenameResponse;
import dev.egretta.api.RequestValidator;
import dev.egretta.api.SessionSummary;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.metrics.EgrettaMetrics;
import dev.egretta.core.session.SessionRecord;
import dev.egretta.core.session.StoredMessage;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.egretta.core.spi.ModelEntry;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The engine: Egret's query pipeline over a retriever, a generator and a session store, as named
 * stages (validate → organisation → session → follow-up rewrite → mode routing → scoped retrieval
 * → context judgement → generation → citation check → suggestions → usage and latency → persist).
 * Immutable and thread-safe once built; see {@link EgrettaEngineBuilder} for the parts.
 *
 * <pre>{@code
 * try (Engine engine = EgrettaEngine.builder()
 *     .retriever(knowledgeBase)                       // also its CorpusInventory
 *     .sessionStore(JdbcSessionStore.sqlite(indexDir.resolve("sessions.db")))
 *     .build()) {
 *   QueryResponse r = engine.query(ValidatedQuery.of("Who approves the contingency plan?",
 *       "business-continuity", "us", Mode.COMPLIANCE), Organisation.LOCAL);
 * }
 * }</pre>
 */
public final class EgrettaEngine implements Engine {

  private static final System.Logger LOG = System.getLogger(EgrettaEngine.class.getName());

  private final EngineParts parts;
  private final QueryPipeline pipeline;
  private final AtomicBoolean closed = new AtomicBoolean();

  EgrettaEngine(EngineParts parts, EgrettaMetrics metrics) {
    this.parts = parts;
    this.pipeline = new QueryPipeline(parts, metrics);
  }

  /** A new builder; only {@code retriever(...)} is required. */
  public static EgrettaEngineBuilder builder() {
    return new EgrettaEngineBuilder();
  }

  @Override
  public QueryResponse query(ValidatedQuery query, Organisation caller) {
    check(query, caller);
    return pipeline.metrics().query(() -> answer(query, caller));
  }

  private QueryResponse answer(ValidatedQuery query, Organisation caller) {
    Prepared p = pipeline.prepare(query, caller);
    AnswerCompletion completion = new AnswerCompletion(pipeline, p);
    if (p.insufficient()) {
      return completion.notCovered();
    }
    long g0 = System.nanoTime();
    GeneratedAnswer answer = pipeline.metrics().generation(p.model().modelId(),
        () -> pipeline.generator(p.model()).generate(p.generation()));
    return completion.complete(answer, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - g0));
  }

  @Override
  public Cancellable stream(ValidatedQuery query, Organisation caller, StreamListener listener) {
    Objects.requireNonNull(listener, "listener");
    check(query, caller);
    // Decided before returning, so that no event is sent for a query refused up front (a server answers those
    // with their ordinary status instead of a stream holding one error event).
    StreamRun run = new StreamRun(pipeline, pipeline.check(query, caller), listener);
    run.submit(parts.streamExecutor());
    return run;
  }

  @Override
  public List<SessionSummary> recentSessions(Organisation caller, int limit) {
    Objects.requireNonNull(caller, "caller");
    if (limit < 1 || limit > RequestValidator.MAX_RECENT_LIMIT) {
      throw InvalidRequestException.of("limit", "must be an integer in 1.." + RequestValidator.MAX_RECENT_LIMIT
          + " (got " + limit + ")");
    }
    return parts.sessions().recent(caller, limit).stream().map(SessionRecord::toSummary).toList();
  }

  @Override
  public List<Message> messages(Organisation caller, UUID sessionId) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(sessionId, "sessionId");
    SourceLinks links = new SourceLinks(parts.linkSigner()); // links are signed when read, never replayed stale
    return parts.sessions().messages(caller, sessionId).stream().map(StoredMessage::toMessage).map(links::resign).toList();
  }

  @Override
  public RenameResponse rename(Organisation caller, UUID sessionId, String title) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(sessionId, "sessionId");
    String t = title == null ? "" : SessionRecord.cleanTitle(title);
    if (t.isEmpty() || t.length() > RequestValidator.MAX_TITLE_CHARS) {
      throw InvalidRequestException.of("title", "must be 1.." + RequestValidator.MAX_TITLE_CHARS
          + " characters after trimming (got " + t.length() + ")");
    }
    SessionRecord renamed = parts.sessions().rename(caller, sessionId, t);
    return new RenameResponse(renamed.id().toString(), renamed.title());
  }

  @Override
  public void deleteSession(Organisation caller, UUID sessionId) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(sessionId, "sessionId");
    parts.sessions().delete(caller, sessionId);
  }

  @Override
  public List<ModelInfo> models() {
    return parts.models().models().stream().map(ModelEntry::toInfo).toList();
  }

  @Override
  public List<Domain> domains(Organisation caller) {
    return parts.domains().domains(Objects.requireNonNull(caller, "caller"));
  }

  @Override
  public List<Category> categories(Organisation caller, String domain) {
    return parts.domains().categories(Objects.requireNonNull(caller, "caller"), Objects.requireNonNull(domain, "domain"));
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (parts.ownsExecutor()) {
      parts.streamExecutor().shutdownNow();
    }
    closeQuietly(parts.sessions());
    if (parts.retriever() instanceof AutoCloseable c) {
      closeQuietly(c);
    }
    if (parts.inventory() != parts.retriever() && parts.inventory() instanceof AutoCloseable c) {
      closeQuietly(c);
    }
  }

  private void check(ValidatedQuery query, Organisation caller) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(caller, "caller");
    if (closed.get()) {
      throw new IllegalStateException("the engine is closed");
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "closing " + c.getClass().getSimpleName() + " failed: " + e.getMessage(), e);
    }
  }
}
