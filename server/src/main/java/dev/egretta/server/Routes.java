package dev.egretta.server;

import dev.egretta.api.EgretJson;
import dev.egretta.api.RequestValidator;
import dev.egretta.api.Validation;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.Engine;
import dev.egretta.core.NotFoundException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;

/** The Egret API routes over an {@link Engine}. */
final class Routes {
  /** The recent-sessions list length when {@code limit} is absent. */
  static final int DEFAULT_RECENT_LIMIT = 10;

  private final Engine engine;
  private final Guard guard;
  private final SseStreamer streamer;
  private final long maxBodyBytes;
  private final PublicUris uris;

  Routes(Engine engine, Guard guard, SseStreamer streamer, long maxBodyBytes, PublicUris uris) {
    this.engine = engine;
    this.guard = guard;
    this.streamer = streamer;
    this.maxBodyBytes = maxBodyBytes;
    this.uris = uris;
  }

  void register(Javalin app) {
    app.get("/health", this::health);
    app.post("/v1/query/", guard.protect(this::query));
    app.get("/v1/sessions/recent/", guard.protect((ctx, caller) -> uris.answer(ctx, 200,
        engine.recentSessions(caller.organisation(),
            valid(RequestValidator.validateLimit(ctx.queryParam("limit"), DEFAULT_RECENT_LIMIT))))));
    app.get("/v1/sessions/{session_id}/messages/", guard.protect((ctx, caller) ->
        uris.answer(ctx, 200, engine.messages(caller.organisation(), sessionId(ctx)))));
    app.post("/v1/sessions/{session_id}/rename/", guard.protect((ctx, caller) -> {
      UUID id = sessionId(ctx);
      String title = valid(RequestValidator.parseRename(jsonBody(ctx)));
      uris.answer(ctx, 200, engine.rename(caller.organisation(), id, title));
    }));
    app.delete("/v1/sessions/{session_id}/delete/", guard.protect((ctx, caller) -> {
      engine.deleteSession(caller.organisation(), sessionId(ctx));
      ctx.status(204);
    }));
    app.get("/v1/models/", guard.protect((ctx, caller) -> json(ctx, 200, engine.models())));
    app.get("/v1/domains/", guard.protect((ctx, caller) -> json(ctx, 200, engine.domains(caller.organisation()))));
    app.get("/v1/domains/{domain}/categories/", guard.protect((ctx, caller) ->
        json(ctx, 200, engine.categories(caller.organisation(), ctx.pathParam("domain")))));
  }

  private void health(Context ctx) {
    json(ctx, 200, Map.of("status", "ok")); // during shutdown InFlightFilter answers 503 instead
  }

  private void query(Context ctx, Caller caller) throws Exception {
    ValidatedQuery query = valid(RequestValidator.parseQuery(jsonBody(ctx)));
    if (query.stream()) {
      streamer.stream(ctx, caller, query);
    } else {
      uris.answer(ctx, 200, engine.query(query, caller.organisation()));
    }
  }

  /** The JSON body, refused with 415 unless it is declared {@code application/json} (any parameters). */
  private byte[] jsonBody(Context ctx) {
    String type = ctx.req().getContentType();
    String mime = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    if (!mime.equals("application/json")) {
      throw new HttpProblem(415, "The request body must be JSON sent with 'Content-Type: application/json'.");
    }
    return BoundedBody.read(ctx, maxBodyBytes);
  }

  private static UUID sessionId(Context ctx) {
    // A malformed id cannot name any session: answer as for an unknown one.
    return RequestValidator.parseSessionId(ctx.pathParam("session_id"))
        .orElseThrow(() -> new NotFoundException("Session not found."));
  }

  static <T> T valid(Validation<T> validation) {
    return EgretExchange.valid(validation);
  }

  /** A body without document URIs (errors, health). */
  static void json(Context ctx, int status, Object value) {
    ctx.status(status).contentType("application/json").result(EgretJson.write(value));
  }
}
