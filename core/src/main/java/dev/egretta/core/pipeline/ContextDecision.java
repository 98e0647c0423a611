package dev.egretta.core.pipeline;

import dev.egretta.core.internal.Terms;
import dev.egretta.api.ContextQuality;
import dev.egretta.core.spi.RetrievedPassage;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ContextJudge} decided about the retrieved passages.
 *
 * <p>An insufficient context may still offer passages: the closest ones found, returned as sources
 * (relevance at most "Partially Relevant") so that the reader can check the "not covered" answer and a
 * wrongly refused question still points at its page. No generator sees them and nothing cites them.
 * Off-topic questions (under the score floor) offer none.
 *
 * @param offered the passages returned as sources, best first: for a sufficient context the ones given
 *     to the generator, for an insufficient one the closest found (possibly none)
 * @param quality the diagnostics returned to the caller
 * @param evidence chunk id of an offered passage → its best evidence sentence (as {@link Terms#sentences}
 *     cleaned it), where the judge selected evidence; the source's excerpt starts there
 */
public record ContextDecision(List<RetrievedPassage> offered, ContextQuality quality, Map<String, String> evidence) {
  public ContextDecision {
    offered = List.copyOf(offered);
    evidence = Map.copyOf(evidence);
    Objects.requireNonNull(quality, "quality");
    if (!quality.insufficientContext() && offered.isEmpty()) {
      throw new IllegalArgumentException("a sufficient context offers at least one passage");
    }
  }

  /** A decision without evidence sentences. */
  public ContextDecision(List<RetrievedPassage> offered, ContextQuality quality) {
    this(offered, quality, Map.of());
  }

  /** The evidence sentence selected in an offered passage, if any. */
  public Optional<String> evidenceFor(String chunkId) {
    return Optional.ofNullable(evidence.get(chunkId));
  }

  /** The same passages and evidence, judged insufficient (the passages become the closest ones found). */
  public ContextDecision asInsufficient() {
    return insufficient() ? this
        : new ContextDecision(offered, new ContextQuality(true, quality.chunksRetrieved(), quality.avgRelevanceScore()),
            evidence);
  }

  /** Whether the evidence is too weak to answer. */
  public boolean insufficient() {
    return quality.insufficientContext();
  }
}
