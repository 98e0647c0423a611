package dev.egretta.elasticsearch;

import dev.egretta.core.EgrettaException;

/** Elasticsearch answered a request with an error status other than 401 and 403. */
final class EsRequestException extends EgrettaException {
  private final int status;

  EsRequestException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  int status() {
    return status;
  }
}
