package dev.egretta.server;

import dev.egretta.api.ErrorBody;
import dev.egretta.core.ConfigurationException;
import dev.egretta.core.EgrettaException;
import dev.egretta.core.InvalidRequestException;
import dev.egretta.core.NotFoundException;
import dev.egretta.core.RateLimitedException;
import dev.egretta.core.UpstreamException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns an exception into the HTTP status and contract error body the client sees. Unexpected
 * exceptions become a generic 500 and a log line with the stack trace; the client never sees one.
 */
final class ErrorMapper {
  private static final System.Logger LOG = System.getLogger(ErrorMapper.class.getName());

  /** What to answer: status, body and, for 429/503, how long to wait. */
  record Answer(int status, ErrorBody body, Optional<Duration> retryAfter) {
    /** The {@code Retry-After} header value in whole seconds (at least 1), when there is one. */
    Optional<String> retryAfterHeader() {
      return retryAfter.map(d -> Long.toString(Math.max(1, (d.toMillis() + 999) / 1000)));
    }
  }

  private ErrorMapper() {}

  static Answer map(Throwable e) {
    return switch (e) {
      case HttpProblem p -> new Answer(p.status(), p.body(), p.retryAfter());
      case InvalidRequestException ire -> new Answer(400, ire.body(), Optional.empty());
      case NotFoundException nf -> new Answer(404, ErrorBody.of(nf.getMessage()), Optional.empty());
      case RateLimitedException rl -> new Answer(429, ErrorBody.of(rl.getMessage()),
          Optional.of(rl.retryAfter() == null ? Duration.ofSeconds(1) : rl.retryAfter()));
      case ConfigurationException ce -> {
        LOG.log(Level.WARNING, "configuration problem: " + ce.getMessage());
        yield new Answer(503, ErrorBody.of("The service is not configured for this request: " + ce.getMessage()),
            Optional.empty());
      }
      case UpstreamException ue -> {
        LOG.log(Level.WARNING, "upstream failure: " + ue.getMessage());
        yield ue.isTimeout()
            ? new Answer(504, ErrorBody.of("The model provider did not answer in time; try again."), Optional.empty())
            : new Answer(502, ErrorBody.of("The model provider failed: " + ue.getMessage()), Optional.empty());
      }
      case EgrettaException other -> internal(other);
      default -> ClientFault.of(e)
          .map(p -> {
            LOG.log(Level.DEBUG, () -> "refused a request the client broke off or malformed: " + e);
            return new Answer(p.status(), p.body(), Optional.<Duration>empty());
          })
          .orElseGet(() -> internal(e));
    };
  }

  static Answer internal(Throwable e) {
    LOG.log(Level.ERROR, "unexpected failure while handling a request", e);
    return new Answer(500, ErrorBody.of("Internal server error."), Optional.empty());
  }
}
