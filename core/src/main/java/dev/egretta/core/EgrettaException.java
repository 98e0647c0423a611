package dev.egretta.core;

/**
 * The root of every exception Egretta throws. Vendor exceptions (AWS SDK, Lucene, JDBC, Tika)
 * are translated into a subclass at the adapter boundary and never cross an SPI.
 */
public class EgrettaException extends RuntimeException {
  public EgrettaException(String message) {
    super(message);
  }

  public EgrettaException(String message, Throwable cause) {
    super(message, cause);
  }
}
