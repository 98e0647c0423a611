package dev.egretta.spring;

import dev.egretta.api.RequestValidator;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.Engine;
import dev.egretta.core.NotFoundException;
import dev.egretta.core.Organisation;
import dev.egretta.server.EgretExchange;
import dev.egretta.server.LocalDownloads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Egret API routes of {@code egretta serve} as Spring MVC endpoints: the same paths (trailing
 * slash optional), the same JSON and SSE bytes and the same errors, because every body is written by
 * the server's {@link EgretExchange}. Thin on purpose: validation is api-contract's, answers the
 * engine's.
 */
@RestController
final class EgretApiController {
  private final Engine engine;
  private final EgrettaCallerResolver callers;
  private final EgretExchange exchange;
  private final SseRelay relay;
  private final long maxBodyBytes;

  EgretApiController(Engine engine, EgrettaCallerResolver callers, EgretExchange exchange, SseRelay relay,
      long maxBodyBytes) {
    this.engine = engine;
    this.callers = callers;
    this.exchange = exchange;
    this.relay = relay;
    this.maxBodyBytes = maxBodyBytes;
  }

  @PostMapping({"/v1/query/", "/v1/query"})
  ResponseEntity<byte[]> query(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Organisation org = callers.organisation(req);
    ValidatedQuery query = EgretExchange.valid(RequestValidator.parseQuery(jsonBody(req)));
    if (query.stream()) {
      relay.relay(query, org, EgretDownloadController.viewer(req, org), res);
      return null; // written
    }
    return json(200, engine.query(query, org), EgretDownloadController.viewer(req, org));
  }

  @GetMapping({"/v1/sessions/recent/", "/v1/sessions/recent"})
  ResponseEntity<byte[]> recent(HttpServletRequest req, @RequestParam(name = "limit", required = false) String limit) {
    Organisation org = callers.organisation(req);
    int n = EgretExchange.valid(RequestValidator.validateLimit(limit, EgretExchange.DEFAULT_RECENT_LIMIT));
    return json(200, engine.recentSessions(org, n));
  }

  @GetMapping({"/v1/sessions/{id}/messages/", "/v1/sessions/{id}/messages"})
  ResponseEntity<byte[]> messages(HttpServletRequest req, @PathVariable("id") String id) {
    Organisation org = callers.organisation(req);
    return json(200, engine.messages(org, sessionId(id)), EgretDownloadController.viewer(req, org));
  }

  @PostMapping({"/v1/sessions/{id}/rename/", "/v1/sessions/{id}/rename"})
  ResponseEntity<byte[]> rename(HttpServletRequest req, @PathVariable("id") String id) throws IOException {
    Organisation org = callers.organisation(req);
    UUID session = sessionId(id);
    String title = EgretExchange.valid(RequestValidator.parseRename(jsonBody(req)));
    return json(200, engine.rename(org, session, title));
  }

  @DeleteMapping({"/v1/sessions/{id}/delete/", "/v1/sessions/{id}/delete"})
  ResponseEntity<byte[]> delete(HttpServletRequest req, @PathVariable("id") String id) {
    engine.deleteSession(callers.organisation(req), sessionId(id));
    return ResponseEntity.noContent().build();
  }

  @GetMapping({"/v1/models/", "/v1/models"})
  ResponseEntity<byte[]> models(HttpServletRequest req) {
    callers.organisation(req);
    return json(200, engine.models());
  }

  @GetMapping({"/v1/domains/", "/v1/domains"})
  ResponseEntity<byte[]> domains(HttpServletRequest req) {
    return json(200, engine.domains(callers.organisation(req)));
  }

  @GetMapping({"/v1/domains/{domain}/categories/", "/v1/domains/{domain}/categories"})
  ResponseEntity<byte[]> categories(HttpServletRequest req, @PathVariable("domain") String domain) {
    return json(200, engine.categories(callers.organisation(req), domain));
  }

  /** Every failure of these routes, answered as {@code egretta serve} answers it (never a stack trace). */
  @ExceptionHandler(Exception.class)
  ResponseEntity<byte[]> failure(Exception e, HttpServletRequest req) {
    EgretExchange.Failure f = EgretExchange.failure(e);
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(f.status()).contentType(MediaType.APPLICATION_JSON);
    f.retryAfter().ifPresent(v -> answer.header(HttpHeaders.RETRY_AFTER, v));
    if (f.status() == 401 && req.getAttribute(ApiKeyCallerResolver.CHALLENGE) instanceof String challenge) {
      answer.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }
    return answer.body(f.json().getBytes(StandardCharsets.UTF_8));
  }

  private ResponseEntity<byte[]> json(int status, Object value) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(exchange.json(value).getBytes(StandardCharsets.UTF_8));
  }

  /** As {@link #json(int, Object)}, with local documents' download links minted for {@code viewer}. */
  private ResponseEntity<byte[]> json(int status, Object value, LocalDownloads.Viewer viewer) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(exchange.json(value, viewer).getBytes(StandardCharsets.UTF_8));
  }

  private static UUID sessionId(String id) {
    // A malformed id cannot name any session: answer as for an unknown one.
    return RequestValidator.parseSessionId(id).orElseThrow(() -> new NotFoundException("Session not found."));
  }

  /** The JSON body, refused with 415 unless declared {@code application/json}, and with 413 past the limit. */
  private byte[] jsonBody(HttpServletRequest req) throws IOException {
    String type = req.getContentType();
    String mime = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mime.equals("application/json")) {
      throw EgretExchange.problem(415, "The request body must be JSON sent with 'Content-Type: application/json'.");
    }
    if (req.getContentLengthLong() > maxBodyBytes) {
      throw tooLarge();
    }
    try (InputStream in = req.getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (body.length > maxBodyBytes) {
        throw tooLarge();
      }
      return body;
    }
  }

  private RuntimeException tooLarge() {
    return EgretExchange.problem(413, "Request body is larger than the limit of " + maxBodyBytes + " bytes.");
  }
}
