package dev.egretta.api;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A query request that passed {@link RequestValidator}: required fields present, enumerations
 * parsed, {@code model}/{@code model_id} merged (model_id wins), defaults applied.
 *
 * @param query the question, trimmed, 1..{@value RequestValidator#MAX_QUERY_CHARS} characters
 * @param modelId the requested model; empty = the catalog's default
 * @param sessionId the session to continue; empty = start a new one
 */
public record ValidatedQuery(
    String query,
    String domain,
    String category,
    Mode mode,
    Optional<String> modelId,
    boolean stream,
    Optional<UUID> sessionId,
    KnowledgeScope knowledgeScope) {

  public ValidatedQuery {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(knowledgeScope, "knowledgeScope");
    if (query.isBlank()) {
      throw new IllegalArgumentException("query must not be blank");
    }
  }

  /** A query in the given mode with every optional field at its default. */
  public static ValidatedQuery of(String query, String domain, String category, Mode mode) {
    return new ValidatedQuery(query, domain, category, mode, Optional.empty(), false, Optional.empty(), KnowledgeScope.ALL);
  }

  /** This query continuing the given session. */
  public ValidatedQuery withSessionId(UUID id) {
    return new ValidatedQuery(query, domain, category, mode, modelId, stream, Optional.of(id), knowledgeScope);
  }

  /** This query with the given scope. */
  public ValidatedQuery withKnowledgeScope(KnowledgeScope scope) {
    return new ValidatedQuery(query, domain, category, mode, modelId, stream, sessionId, scope);
  }

  /** This query with the given model id. */
  public ValidatedQuery withModelId(String id) {
    return new ValidatedQuery(query, domain, category, mode, Optional.of(id), stream, sessionId, knowledgeScope);
  }
}
