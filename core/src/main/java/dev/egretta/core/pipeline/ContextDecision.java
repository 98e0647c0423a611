package dev.egretta.core.pipeline;

import dev.egretta.api.ContextQuality;
import dev.egretta.core.spi.RetrievedPassage;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ContextJudge} decided about the retrieved passages.
 *
 * @param offered the passages given to the generator (and returned as sources), best first;
 *     empty when the context is insufficient
 * @param quality the diagnostics returned to the caller
 */
public record ContextDecision(List<RetrievedPassage> offered, ContextQuality quality) {
  public ContextDecision {
    offered = List.copyOf(offered);
    Objects.requireNonNull(quality, "quality");
    if (quality.insufficientContext() && !offered.isEmpty()) {
      throw new IllegalArgumentException("an insufficient context offers no passages");
    }
    if (!quality.insufficientContext() && offered.isEmpty()) {
      throw new IllegalArgumentException("a sufficient context offers at least one passage");
    }
  }

  /** Whether the evidence is too weak to answer. */
  public boolean insufficient() {
    return quality.insufficientContext();
  }
}
