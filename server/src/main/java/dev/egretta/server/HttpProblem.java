package dev.egretta.server;

import dev.egretta.api.ErrorBody;
import java.time.Duration;
import java.util.Optional;

/** An answer the HTTP layer itself decides on (401, 413, 429, 503...), with the contract's error body. */
final class HttpProblem extends RuntimeException {
  private final int status;
  private final transient ErrorBody body;
  private final transient Optional<Duration> retryAfter;

  HttpProblem(int status, String detail) {
    this(status, detail, null);
  }

  HttpProblem(int status, String detail, Duration retryAfter) {
    super(detail, null, false, false);
    this.status = status;
    this.body = ErrorBody.of(detail);
    this.retryAfter = Optional.ofNullable(retryAfter);
  }

  int status() {
    return status;
  }

  ErrorBody body() {
    return body;
  }

  Optional<Duration> retryAfter() {
    return retryAfter;
  }

  static HttpProblem unauthorized(String detail) {
    return new HttpProblem(401, detail);
  }

  static HttpProblem tooLarge(long limit) {
    return new HttpProblem(413, "Request body is larger than the limit of " + limit + " bytes.");
  }
}
