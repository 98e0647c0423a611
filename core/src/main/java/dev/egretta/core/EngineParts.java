package dev.egretta.core;

import dev.egretta.core.internal.DomainCatalog;
import dev.egretta.core.pipeline.ContextJudge;
import dev.egretta.core.pipeline.FollowUps;
import dev.egretta.core.pipeline.ModeRouter;
import dev.egretta.core.pipeline.QueryRewriter;
import dev.egretta.core.pipeline.RelevanceScale;
import dev.egretta.core.pipeline.SuggestionGenerator;
import dev.egretta.core.session.SessionStore;
import dev.egretta.core.spi.AnswerGenerator;
import dev.egretta.core.spi.CorpusInventory;
import dev.egretta.core.spi.LinkSigner;
import dev.egretta.core.spi.ModelCatalog;
import dev.egretta.core.spi.Retriever;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** Everything a built engine is made of; validated by {@link EgrettaEngineBuilder}. */
record EngineParts(
    Retriever retriever,
    CorpusInventory inventory,
    DomainCatalog domains,
    ModelCatalog models,
    Map<String, AnswerGenerator> generators,
    AnswerGenerator defaultGenerator,
    SessionStore sessions,
    LinkSigner linkSigner,
    Clock clock,
    QueryRewriter rewriter,
    ModeRouter router,
    ContextJudge judge,
    RelevanceScale relevance,
    SuggestionGenerator suggestions,
    int suggestionCount,
    int retrievalDepth,
    ExecutorService streamExecutor,
    boolean ownsExecutor,
    FollowUps followUps) {

  EngineParts {
    generators = Map.copyOf(generators);
  }

  /** The current time at the microsecond precision that sessions keep. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  AnswerGenerator generatorFor(String modelId) {
    AnswerGenerator g = generators.get(modelId);
    if (g != null) {
      return g;
    }
    if (defaultGenerator == null) {
      throw new ConfigurationException("no generator serves model '" + modelId + "'");
    }
    return defaultGenerator;
  }
}
