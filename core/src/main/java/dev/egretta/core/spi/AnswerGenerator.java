package dev.egretta.core.spi;

/** Writes a cited Markdown answer from numbered passages (blocking). Thread-safe. */
@FunctionalInterface
public interface AnswerGenerator {
  /**
   * @throws dev.egretta.core.EgrettaException (a subclass such as {@link dev.egretta.core.UpstreamException}
   *     or {@link dev.egretta.core.RateLimitedException}) when the model fails
   */
  GeneratedAnswer generate(GenerationRequest request);
}
