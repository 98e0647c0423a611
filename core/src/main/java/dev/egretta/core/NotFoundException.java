package dev.egretta.core;

/**
 * An id that the caller cannot see: unknown, or belonging to another organisation; the two are
 * deliberately indistinguishable (HTTP 404).
 */
public class NotFoundException extends EgrettaException {
  public NotFoundException(String message) {
    super(message);
  }
}
