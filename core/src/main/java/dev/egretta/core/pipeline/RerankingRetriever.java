package dev.egretta.core.pipeline;

import dev.egretta.core.EgrettaException;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.Reranker;
import dev.egretta.core.spi.Retriever;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A retriever followed by a {@link Reranker}: fetches {@code depth} candidates (or the request's
 * limit when larger), lets the reranker reorder them, and cuts to the limit. The passages keep
 * their content; the scores the retriever gave stay on the same scale and are handed out by
 * position (the best score to the first passage), so scores still fall down the list and the
 * judge's thresholds keep their meaning. Closing it closes the retriever and the reranker when they are closeable.
 */
public final class RerankingRetriever implements Retriever, AutoCloseable {
  private final Retriever retriever;
  private final Reranker reranker;
  private final int depth;

  /**
   * @param depth candidates reranked, 1..200
   */
  public RerankingRetriever(Retriever retriever, Reranker reranker, int depth) {
    this.retriever = Objects.requireNonNull(retriever, "retriever");
    this.reranker = Objects.requireNonNull(reranker, "reranker");
    if (depth < 1 || depth > 200) {
      throw new IllegalArgumentException("rerank depth must be 1..200; got " + depth);
    }
    this.depth = depth;
  }

  @Override
  public List<RetrievedPassage> retrieve(RetrievalRequest request) {
    List<RetrievedPassage> hits = retriever.retrieve(
        new RetrievalRequest(request.text(), request.scope(), Math.max(request.limit(), depth)));
    if (hits.size() < 2) {
      return hits;
    }
    int n = Math.min(depth, hits.size());
    List<RetrievedPassage> head = hits.subList(0, n);
    List<RetrievedPassage> order = reorder(head, reranker.rerank(request.text(), List.copyOf(head)));
    List<RetrievedPassage> out = new ArrayList<>(Math.min(request.limit(), hits.size()));
    for (int i = 0; i < hits.size() && out.size() < request.limit(); i++) {
      RetrievedPassage p = i < n ? order.get(i) : hits.get(i);
      out.add(p.score() == hits.get(i).score() ? p : p.withScore(hits.get(i).score()));
    }
    return out;
  }

  /** Closes the wrapped retriever (and the reranker) when they are closeable, as an engine closes its retriever. */
  @Override
  public void close() throws Exception {
    try {
      if (retriever instanceof AutoCloseable c) {
        c.close();
      }
    } finally {
      if (reranker instanceof AutoCloseable c) {
        c.close();
      }
    }
  }

  /** The engine's own passages in the reranker's order; anything but a permutation is the reranker's bug. */
  private List<RetrievedPassage> reorder(List<RetrievedPassage> head, List<RetrievedPassage> ranked) {
    Map<String, RetrievedPassage> byId = new HashMap<>();
    head.forEach(p -> byId.put(p.chunkId(), p));
    List<RetrievedPassage> out = new ArrayList<>(head.size());
    for (RetrievedPassage p : ranked == null ? List.<RetrievedPassage>of() : ranked) {
      RetrievedPassage own = p == null ? null : byId.remove(p.chunkId());
      if (own != null) {
        out.add(own);
      }
    }
    if (out.size() != head.size()) {
      throw new EgrettaException("the reranker " + reranker.getClass().getName() + " returned " + (ranked == null ? 0 : ranked.size())
          + " passages that are not a reordering of the " + head.size() + " candidates");
    }
    return out;
  }

}
