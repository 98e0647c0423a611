package dev.egretta.core;

import dev.egretta.api.Category;
import dev.egretta.api.Domain;
import dev.egretta.api.Message;
import dev.egretta.api.ModelInfo;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.RenameResponse;
import dev.egretta.api.SessionSummary;
import dev.egretta.api.ValidatedQuery;
import java.util.List;
import java.util.UUID;

/**
 * What applications, the server and the CLI call: Egret's operations for one caller organisation.
 * Implementations are immutable and thread-safe once built. Every method may throw
 * {@link InvalidRequestException}, {@link NotFoundException} or another {@link EgrettaException}.
 */
public interface Engine extends AutoCloseable {

  /** Answers a question (blocking): retrieval, generation, citations, session bookkeeping. */
  QueryResponse query(ValidatedQuery query, Organisation caller);

  /**
   * Answers a question as a stream of events to {@code listener}: sources first, then text deltas,
   * then the complete response (or an error). Returns without waiting for retrieval or generation;
   * cancelling stops generation. What can be decided up front (unknown or another organisation's
   * session, unknown model, domain or category, a knowledge scope the caller cannot use) is thrown
   * by this call, before any event, exactly as {@link #query} throws it.
   */
  Cancellable stream(ValidatedQuery query, Organisation caller, StreamListener listener);

  /**
   * The streamed answer as a {@link java.util.concurrent.Flow.Publisher}: each subscription runs the
   * query once and receives the same events as {@link #stream} ({@code onNext}), then
   * {@code onComplete}; cancelling the subscription stops generation.
   */
  default java.util.concurrent.Flow.Publisher<dev.egretta.api.StreamEvent> publish(ValidatedQuery query,
      Organisation caller) {
    return new StreamPublisher(this, query, caller);
  }

  /** The caller's most recently active sessions, newest first. */
  List<SessionSummary> recentSessions(Organisation caller, int limit);

  /** The message history of one of the caller's sessions, oldest first. */
  List<Message> messages(Organisation caller, UUID sessionId);

  /** Renames one of the caller's sessions; the title is trimmed, 1..200 characters. */
  RenameResponse rename(Organisation caller, UUID sessionId, String title);

  /** Deletes one of the caller's sessions with its messages. */
  void deleteSession(Organisation caller, UUID sessionId);

  /** The model catalog. */
  List<ModelInfo> models();

  /** The domains the caller can query (public library and its own documents). */
  List<Domain> domains(Organisation caller);

  /**
   * The categories of one domain the caller can query.
   *
   * @throws NotFoundException when the caller has no such domain (a query naming it is an
   *     {@link InvalidRequestException} on its {@code domain} field instead)
   */
  List<Category> categories(Organisation caller, String domain);

  /** Releases the index, the session store and any other resource; idempotent. */
  @Override
  void close();
}
