package dev.egretta.core.pipeline;

import dev.egretta.api.Mode;

/**
 * Pipeline stage: classifies a question for {@code mode: auto} into {@link Mode#COMPLIANCE} or
 * {@link Mode#ADVISORY}. Never returns {@link Mode#AUTO}.
 */
@FunctionalInterface
public interface ModeRouter {
  Mode route(String question);
}
