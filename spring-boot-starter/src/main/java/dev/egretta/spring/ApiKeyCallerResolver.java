package dev.egretta.spring;

import dev.egretta.core.Organisation;
import dev.egretta.server.ApiKeys;
import dev.egretta.server.EgretExchange;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The default {@link EgrettaCallerResolver}: a bearer API key from the keys file, as {@code egretta serve} checks it. */
final class ApiKeyCallerResolver implements EgrettaCallerResolver {
  /** Request attribute telling the controller to add {@code WWW-Authenticate} to a 401. */
  static final String CHALLENGE = "egretta.challenge";

  private final ApiKeys keys;

  ApiKeyCallerResolver(ApiKeys keys) {
    this.keys = keys;
  }

  @Override
  public Organisation organisation(HttpServletRequest request) {
    List<String> headers = Collections.list(request.getHeaders("Authorization"));
    if (headers.size() > 1) {
      // Proxies and servers disagree on which of two credentials counts: refuse rather than guess.
      throw EgretExchange.problem(400, "Send exactly one Authorization header.");
    }
    String header = headers.isEmpty() ? "" : headers.getFirst().strip();
    request.setAttribute(CHALLENGE, "Bearer");
    if (header.isEmpty()) {
      throw EgretExchange.problem(401,
          "Authentication credentials were not provided; send 'Authorization: Bearer <api key>'.");
    }
    if (header.length() < 7 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      throw EgretExchange.problem(401, "The Authorization header must be 'Bearer <api key>'.");
    }
    request.setAttribute(CHALLENGE, "Bearer error=\"invalid_token\"");
    return keys.organisationOf(header.substring(7).strip())
        .orElseThrow(() -> EgretExchange.problem(401, "Invalid API key."));
  }
}
