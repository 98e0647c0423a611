package dev.egretta.core;

/** Egretta or a backend it talks to is set up wrongly (a model not enabled, a bad region, a missing index). */
public class ConfigurationException extends EgrettaException {
  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
