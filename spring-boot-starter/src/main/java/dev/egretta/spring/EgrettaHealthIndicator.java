package dev.egretta.spring;

import dev.egretta.api.ModelInfo;
import dev.egretta.core.Engine;
import dev.egretta.core.Organisation;
import dev.egretta.core.session.SessionStore;
import dev.egretta.core.spi.Retriever;
import dev.egretta.core.spi.TextEmbedder;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Egretta's part of {@code /actuator/health}: UP when the index answers (its chunk count), the
 * models are ready (a default model in the catalog; the embedding model embeds a probe) and the
 * session store answers a read. Each check is one detail; the first failure makes it DOWN and names
 * itself. Checks touch no document and no conversation of any real organisation.
 */
public final class EgrettaHealthIndicator implements HealthIndicator {
  /** An organisation id that no key maps to: the session-store probe reads nobody's sessions. */
  private static final Organisation PROBE = Organisation.of("egretta-health-probe");

  private final Engine engine;
  private final Retriever retriever;
  private final SessionStore sessions;

  /** @param retriever and {@code sessions} may be null (an application's own engine without those beans) */
  public EgrettaHealthIndicator(Engine engine, Retriever retriever, SessionStore sessions) {
    this.engine = engine;
    this.retriever = retriever;
    this.sessions = sessions;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    String check = "index";
    try {
      if (retriever instanceof LuceneKnowledgeBase kb) {
        health.withDetail("index", "open, " + kb.chunkCount() + " chunks");
      }
      check = "model";
      List<ModelInfo> models = engine.models();
      String defaultModel = models.stream().filter(ModelInfo::isDefault).map(ModelInfo::modelId).findFirst()
          .orElseThrow(() -> new IllegalStateException("the model catalog has no default model"));
      if (retriever instanceof TextEmbedder embedder && embedder.embedQuery("health probe").length == 0) {
        throw new IllegalStateException("the embedding model returned an empty vector");
      }
      health.withDetail("model", "ready, default " + defaultModel);
      check = "sessions";
      if (sessions != null) {
        sessions.recent(PROBE, 1);
        health.withDetail("sessions", "reachable (" + sessions.getClass().getSimpleName() + ")");
      }
      return health.build();
    } catch (RuntimeException e) {
      return Health.down().withDetail(check, e.getClass().getSimpleName() + ": " + e.getMessage()).build();
    }
  }
}
