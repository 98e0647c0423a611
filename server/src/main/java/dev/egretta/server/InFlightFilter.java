package dev.egretta.server;

import dev.egretta.api.ErrorBody;
import dev.egretta.api.EgretJson;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Counts every request from arrival until its response is completely written, so that shutdown
 * waits for answers to reach their clients; once shutdown has begun, new requests get 503.
 */
final class InFlightFilter implements Filter {
  private final InFlight inFlight;

  InFlightFilter(InFlight inFlight) {
    this.inFlight = inFlight;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!inFlight.enter()) {
      refuse((HttpServletRequest) request, (HttpServletResponse) response);
      return;
    }
    try {
      chain.doFilter(request, response);
      if (!request.isAsyncStarted()) {
        response.getOutputStream().close(); // completes the response before the request counts as done
      }
    } catch (IOException | IllegalStateException e) {
      // the client went away or the body was written through a writer; nothing more to do
    } finally {
      inFlight.exit();
    }
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    boolean health = "/health".equals(request.getRequestURI());
    Object body = health ? Map.of("status", "shutting_down")
        : ErrorBody.of("The server is shutting down; retry on another instance.");
    response.setStatus(503);
    response.setContentType("application/json");
    response.setHeader("Connection", "close");
    if (!health) {
      response.setHeader("Retry-After", "5");
    }
    response.getOutputStream().write(EgretJson.write(body).getBytes(StandardCharsets.UTF_8));
    response.getOutputStream().close();
  }
}
