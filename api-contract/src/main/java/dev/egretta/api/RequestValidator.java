package dev.egretta.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks client input against Egret's rules and names every bad field. Stateless and thread-safe.
 *
 * <p>Rules: {@code query}, {@code domain}, {@code category}, {@code mode} are required; the query
 * is not blank and at most {@value #MAX_QUERY_CHARS} characters; {@code mode} is one of
 * compliance|advisory|auto; {@code knowledge_scope} one of all|public|private (default all);
 * {@code model} is an alias of {@code model_id} (model_id wins); {@code session_id} is a UUID;
 * rename titles are 1..{@value #MAX_TITLE_CHARS} characters; the recent-sessions {@code limit}
 * is an integer in 1..{@value #MAX_RECENT_LIMIT}.
 */
public final class RequestValidator {

  /** The longest accepted question, in characters. */
  public static final int MAX_QUERY_CHARS = 8_000;
  /** The longest accepted session title, in characters. */
  public static final int MAX_TITLE_CHARS = 200;
  /** The largest accepted {@code limit} of the recent-sessions list. */
  public static final int MAX_RECENT_LIMIT = 100;
  /** The longest accepted domain or category slug, in characters. */
  public static final int MAX_SLUG_CHARS = 100;

  private RequestValidator() {}

  /** Parses and validates a raw JSON query body. Malformed or hostile JSON becomes a field error, never an exception. */
  public static Validation<ValidatedQuery> parseQuery(byte[] json) {
    return read(json, QueryRequest.class).errorsOr(RequestValidator::validate);
  }

  /** Parses and validates a raw JSON rename body; the valid value is the trimmed title. */
  public static Validation<String> parseRename(byte[] json) {
    return read(json, RenameRequest.class).errorsOr(RequestValidator::validateRename);
  }

  /** Validates a query request that was already read from JSON. */
  public static Validation<ValidatedQuery> validate(QueryRequest request) {
    if (request == null) {
      return new Validation.Invalid<>(List.of(new FieldError("body", "must be a JSON object")));
    }
    List<FieldError> errors = new ArrayList<>();
    String query = request.query();
    if (query == null) {
      errors.add(new FieldError("query", "is required"));
    } else if (query.isBlank()) {
      errors.add(new FieldError("query", "must not be blank"));
    } else if (query.length() > MAX_QUERY_CHARS) {
      errors.add(new FieldError("query", "must be at most " + MAX_QUERY_CHARS + " characters (got " + query.length() + ")"));
    }
    requireSlug("domain", request.domain(), errors);
    requireSlug("category", request.category(), errors);
    Optional<Mode> mode = Optional.empty();
    if (request.mode() == null) {
      errors.add(new FieldError("mode", "is required; must be one of " + Mode.allowedValues()));
    } else {
      mode = Mode.parse(request.mode());
      if (mode.isEmpty()) {
        errors.add(new FieldError("mode", "must be one of " + Mode.allowedValues()));
      }
    }
    KnowledgeScope scope = KnowledgeScope.ALL;
    if (request.knowledgeScope() != null) {
      Optional<KnowledgeScope> parsed = KnowledgeScope.parse(request.knowledgeScope());
      if (parsed.isEmpty()) {
        errors.add(new FieldError("knowledge_scope", "must be one of " + KnowledgeScope.allowedValues()));
      } else {
        scope = parsed.get();
      }
    }
    Optional<String> modelId = modelId(request, errors);
    Optional<UUID> sessionId = Optional.empty();
    if (request.sessionId() != null) {
      sessionId = parseSessionId(request.sessionId());
      if (sessionId.isEmpty()) {
        errors.add(new FieldError("session_id", "must be a session id (a UUID) from an earlier response"));
      }
    }
    if (!errors.isEmpty()) {
      return new Validation.Invalid<>(errors);
    }
    return new Validation.Valid<>(new ValidatedQuery(
        query.strip(), request.domain(), request.category(), mode.orElseThrow(), modelId,
        Boolean.TRUE.equals(request.stream()), sessionId, scope));
  }

  /** Validates a rename body; the valid value is the trimmed title. */
  public static Validation<String> validateRename(RenameRequest request) {
    String title = request == null ? null : request.title();
    if (title == null) {
      return invalid("title", "is required");
    }
    String trimmed = title.strip();
    if (trimmed.isEmpty()) {
      return invalid("title", "must not be blank");
    }
    if (trimmed.length() > MAX_TITLE_CHARS) {
      return invalid("title", "must be 1 to " + MAX_TITLE_CHARS + " characters (got " + trimmed.length() + ")");
    }
    return new Validation.Valid<>(trimmed);
  }

  /** Validates the {@code limit} query parameter of the recent-sessions list; absent means {@code defaultLimit}. */
  public static Validation<Integer> validateLimit(String raw, int defaultLimit) {
    if (raw == null || raw.isEmpty()) {
      return new Validation.Valid<>(defaultLimit);
    }
    try {
      int limit = Integer.parseInt(raw.strip());
      if (limit >= 1 && limit <= MAX_RECENT_LIMIT) {
        return new Validation.Valid<>(limit);
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    return invalid("limit", "must be an integer from 1 to " + MAX_RECENT_LIMIT);
  }

  /** Parses a session id from a path or body; empty when it is not a UUID. */
  public static Optional<UUID> parseSessionId(String raw) {
    if (raw == null || raw.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(raw));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> modelId(QueryRequest request, List<FieldError> errors) {
    String chosen = request.modelId() != null ? request.modelId() : request.model();
    if (chosen == null) {
      return Optional.empty();
    }
    if (chosen.isBlank()) {
      errors.add(new FieldError(request.modelId() != null ? "model_id" : "model", "must not be blank; omit it to use the default model"));
      return Optional.empty();
    }
    return Optional.of(chosen.strip());
  }

  private static void requireSlug(String field, String value, List<FieldError> errors) {
    if (value == null) {
      errors.add(new FieldError(field, "is required"));
    } else if (value.isBlank()) {
      errors.add(new FieldError(field, "must not be blank"));
    } else if (value.length() > MAX_SLUG_CHARS) {
      errors.add(new FieldError(field, "must be at most " + MAX_SLUG_CHARS + " characters"));
    }
  }

  private static <T> Validation<T> invalid(String field, String message) {
    return new Validation.Invalid<>(List.of(new FieldError(field, message)));
  }

  /** Reads JSON into {@code type}, turning every parse or mapping problem into a field error. */
  static <T> JsonRead<T> read(byte[] json, Class<T> type) {
    if (json == null || json.length == 0) {
      return new JsonRead<>(null, List.of(new FieldError("body", "must be a JSON object; the request body is empty")));
    }
    try {
      T value = EgretJson.mapper().readValue(json, type);
      if (value == null) {
        return new JsonRead<>(null, List.of(new FieldError("body", "must be a JSON object, not null")));
      }
      return new JsonRead<>(value, List.of());
    } catch (StreamConstraintsException e) {
      return new JsonRead<>(null, List.of(new FieldError("body", "exceeds a JSON limit: " + firstLine(e.getOriginalMessage()))));
    } catch (JsonMappingException e) {
      String field = e.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      String message = limitBreach(e)
          .map(limit -> "exceeds a JSON limit: " + firstLine(limit.getOriginalMessage()))
          .orElseGet(() -> expected(e));
      return new JsonRead<>(null, List.of(new FieldError(field.isEmpty() ? "body" : field, message)));
    } catch (JacksonException e) {
      return new JsonRead<>(null, List.of(new FieldError("body", "is not valid JSON: " + firstLine(e.getOriginalMessage()))));
    } catch (java.io.IOException e) {
      return new JsonRead<>(null, List.of(new FieldError("body", "could not be read: " + e.getMessage())));
    }
  }

  /**
   * What the field needs, in JSON terms: Jackson's own messages name Java types and tokens
   * ({@code java.lang.String}, {@code JsonToken.START_ARRAY}), which mean nothing to a client.
   */
  private static String expected(JsonMappingException e) {
    Class<?> target = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m ? m.getTargetType() : null;
    if (target == null) {
      return "has the wrong type or value";
    }
    if (target == String.class) {
      return "must be a string";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "must be true or false";
    }
    if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
      return "must be a number";
    }
    if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "must be an array";
    }
    return "must be a JSON object";
  }

  private static Optional<StreamConstraintsException> limitBreach(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException limit) {
        return Optional.of(limit);
      }
    }
    return Optional.empty();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  /** The result of reading JSON before validation. */
  record JsonRead<T>(T value, List<FieldError> errors) {
    <R> Validation<R> errorsOr(java.util.function.Function<T, Validation<R>> next) {
      return errors.isEmpty() ? next.apply(value) : new Validation.Invalid<>(errors);
    }
  }
}
