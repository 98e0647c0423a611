package dev.egretta.spring;

import dev.egretta.core.EgrettaEngineBuilder;

/**
 * Changes the auto-configured engine's builder before it is built (stages, display names,
 * retrieval depth...); every such bean is applied, in {@code @Order}.
 */
@FunctionalInterface
public interface EgrettaEngineCustomizer {
  /** Adjusts {@code builder}; called once, after the starter has set its parts. */
  void customize(EgrettaEngineBuilder builder);
}
