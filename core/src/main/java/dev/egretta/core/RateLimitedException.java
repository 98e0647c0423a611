package dev.egretta.core;

import java.time.Duration;

/** Too many requests, here or at the model provider, after bounded retries (HTTP 429). */
public class RateLimitedException extends EgrettaException {
  private final Duration retryAfter;

  public RateLimitedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public RateLimitedException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the caller should wait before trying again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
