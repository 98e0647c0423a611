package dev.egretta.spring;

import dev.egretta.core.Organisation;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling the Egret HTTP API: maps a request to the organisation whose documents and
 * sessions it may use. The starter's default checks {@code Authorization: Bearer <key>} against
 * {@code egretta.http.api-keys-file}; an application bean replaces it (e.g. from its Spring
 * Security principal). The organisation never comes from the request body.
 */
@FunctionalInterface
public interface EgrettaCallerResolver {
  /**
   * The caller's organisation.
   *
   * @throws RuntimeException to refuse the request; {@link dev.egretta.server.EgretExchange#problem(int, String)}
   *     with 401 or 403 answers with that status and the contract's error body
   */
  Organisation organisation(HttpServletRequest request);
}
