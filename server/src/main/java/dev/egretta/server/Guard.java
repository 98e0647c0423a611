package dev.egretta.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Locale;
import java.util.Optional;

/**
 * Wraps every protected route: authenticates the bearer key (401) and applies the organisation's
 * rate limit (429). (Shutdown refusal and in-flight counting happen in {@link InFlightFilter}.)
 */
final class Guard {
  /** The context attribute holding the caller's organisation, for the access log. */
  static final String ORGANISATION_ATTRIBUTE = "egretta.organisation";

  /** A route handler that runs for an authenticated caller. */
  @FunctionalInterface
  interface CallerHandler {
    void handle(Context ctx, Caller caller) throws Exception;
  }

  private final ApiKeys keys;
  private final Optional<RateLimiter> rateLimiter;

  Guard(ApiKeys keys, Optional<RateLimiter> rateLimiter) {
    this.keys = keys;
    this.rateLimiter = rateLimiter;
  }

  Handler protect(CallerHandler handler) {
    return ctx -> {
      Caller caller = authenticate(ctx);
      ctx.attribute(ORGANISATION_ATTRIBUTE, caller.organisation().id());
      // Per organisation, not per key: more keys must not mean a higher limit.
      rateLimiter.flatMap(limiter -> limiter.tryAcquire(caller.organisation().id())).ifPresent(wait -> {
        throw new HttpProblem(429, "Rate limit exceeded for this organisation; retry after the time in Retry-After.",
            wait);
      });
      handler.handle(ctx, caller);
    };
  }

  private Caller authenticate(Context ctx) {
    var headers = ctx.req().getHeaders("Authorization");
    if (headers != null && headers.hasMoreElements()) {
      headers.nextElement();
      if (headers.hasMoreElements()) {
        // Proxies and servers disagree on which of two credentials counts: refuse rather than guess.
        throw new HttpProblem(400, "Send exactly one Authorization header.");
      }
    }
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw HttpProblem.unauthorized("Authentication credentials were not provided; send 'Authorization: Bearer <api key>'.");
    }
    String trimmed = header.strip();
    if (trimmed.length() < 7 || !trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw HttpProblem.unauthorized("The Authorization header must be 'Bearer <api key>'.");
    }
    String key = trimmed.substring(7).strip();
    return keys.find(key)
        .map(entry -> new Caller(entry.organisation(), entry.keyId()))
        .orElseThrow(() -> {
          ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
          return HttpProblem.unauthorized("Invalid API key.");
        });
  }
}
