package dev.egretta.core;

/** A backend (model provider, object store) failed, timed out or answered something unreadable (HTTP 502/504). */
public class UpstreamException extends EgrettaException {
  private final boolean timeout;

  public UpstreamException(String message, boolean timeout, Throwable cause) {
    super(message, cause);
    this.timeout = timeout;
  }

  public UpstreamException(String message) {
    super(message);
    this.timeout = false;
  }

  /** Whether the backend did not answer in time. */
  public boolean isTimeout() {
    return timeout;
  }
}
