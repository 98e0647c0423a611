package dev.egretta.server;

import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;

/**
 * Recognises failures the client caused while its request was being read (a body that stalls,
 * stops early, or that Jetty's parsers refuse) anywhere in an exception's cause chain, so that they
 * are answered 408 or 400 and logged at most as a debug line, never as a 500 with a stack trace.
 */
final class ClientFault {
  private ClientFault() {}

  /** The answer for a client-caused failure; empty for anything else. */
  static Optional<HttpProblem> of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      switch (t) {
        case TimeoutException timeout -> {
          return Optional.of(new HttpProblem(408, "The request body arrived too slowly; send it again."));
        }
        case EofException eof -> {
          return Optional.of(new HttpProblem(400, "The request body ended before it was complete."));
        }
        case BadMessageException bad -> {
          int status = bad.getCode() >= 400 && bad.getCode() < 500 ? bad.getCode() : 400;
          return Optional.of(new HttpProblem(status, "The request is malformed: " + reason(bad) + "."));
        }
        default -> {
          // look further down the chain
        }
      }
    }
    return Optional.empty();
  }

  /** Jetty's reason without its status prefix, e.g. {@code Illegal character CNTL=0x0}. */
  private static String reason(BadMessageException bad) {
    String reason = bad.getReason() == null ? "bad request" : bad.getReason();
    return reason.replaceFirst("^\\d{3}: ", "");
  }
}
