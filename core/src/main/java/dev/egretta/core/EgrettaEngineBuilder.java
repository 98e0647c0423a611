package dev.egretta.core;

import dev.egretta.core.catalog.DisplayNames;
import dev.egretta.core.internal.DomainCatalog;
import dev.egretta.core.generation.ExtractiveAnswerGenerator;
import dev.egretta.core.generation.ModelAssist;
import dev.egretta.core.internal.Tokens;
import dev.egretta.core.metrics.EgrettaMetrics;
import dev.egretta.core.pipeline.AnswerabilityJudge;
import dev.egretta.core.pipeline.ContextJudge;
import dev.egretta.core.pipeline.EvidenceSelector;
import dev.egretta.core.pipeline.FeatureReranker;
import dev.egretta.core.pipeline.FittedRelevance;
import dev.egretta.core.pipeline.RerankingRetriever;
import dev.egretta.core.pipeline.FollowUpRewriter;
import dev.egretta.core.pipeline.FollowUps;
import dev.egretta.core.pipeline.KeywordModeRouter;
import dev.egretta.core.pipeline.ModeRouter;
import dev.egretta.core.pipeline.ModelFollowUps;
import dev.egretta.core.pipeline.ModelModeRouter;
import dev.egretta.core.pipeline.PassageSuggestions;
import dev.egretta.core.pipeline.QueryRewriter;
import dev.egretta.core.pipeline.RelevanceScale;
import dev.egretta.core.pipeline.ScoreThresholdJudge;
import dev.egretta.core.pipeline.SuggestionGenerator;
import dev.egretta.core.session.InMemorySessionStore;
import dev.egretta.core.session.SessionStore;
import dev.egretta.core.spi.AnswerGenerator;
import dev.egretta.core.spi.CorpusInventory;
import dev.egretta.core.spi.LinkSigner;
import dev.egretta.core.spi.ModelCatalog;
import dev.egretta.core.spi.ModelEntry;
import dev.egretta.core.spi.Reranker;
import dev.egretta.core.spi.Retriever;
import dev.egretta.core.spi.TextEmbedder;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Builds an {@link EgrettaEngine}. Only the retriever is required; every other part has a
 * network-free default. {@link #build()} checks the combination and names what is wrong.
 *
 * <table>
 *   <caption>Parts and defaults</caption>
 *   <tr><th>part</th><th>default</th></tr>
 *   <tr><td>{@link #retriever}</td><td>required (e.g. the Lucene knowledge base)</td></tr>
 *   <tr><td>{@link #corpusInventory}</td><td>the retriever, when it is also a {@link CorpusInventory}</td></tr>
 *   <tr><td>{@link #generator(AnswerGenerator)}</td><td>{@link ExtractiveAnswerGenerator}</td></tr>
 *   <tr><td>{@link #modelCatalog}</td><td>{@link ExtractiveAnswerGenerator#CATALOG}</td></tr>
 *   <tr><td>{@link #sessionStore}</td><td>{@link InMemorySessionStore}</td></tr>
 *   <tr><td>{@link #linkSigner}</td><td>{@link LinkSigner#NONE}</td></tr>
 *   <tr><td>{@link #clock}</td><td>{@link Clock#systemUTC()}</td></tr>
 *   <tr><td>{@link #textEmbedder}</td><td>the retriever, when it is also a {@link TextEmbedder}</td></tr>
 *   <tr><td>stages</td><td>{@link FollowUpRewriter}, {@link KeywordModeRouter}, {@link AnswerabilityJudge} (with a text
 *       embedder, else {@link ScoreThresholdJudge#defaults()}),
 *       {@link RelevanceScale#defaults()}, {@link PassageSuggestions}</td></tr>
 * </table>
 *
 * <p>The engine owns the parts it is given: closing it closes the session store and, when they
 * are {@link AutoCloseable}, the retriever and the inventory.
 */
public final class EgrettaEngineBuilder {

  private Retriever retriever;
  private CorpusInventory inventory;
  private AnswerGenerator defaultGenerator;
  private final Map<String, AnswerGenerator> generators = new LinkedHashMap<>();
  private ModelCatalog models;
  private SessionStore sessions;
  private DisplayNames names = DisplayNames.defaults();
  private LinkSigner linkSigner = LinkSigner.NONE;
  private Clock clock = Clock.systemUTC();
  private QueryRewriter rewriter = new FollowUpRewriter();
  private ModeRouter router = new KeywordModeRouter();
  private ContextJudge judge;
  private TextEmbedder textEmbedder;
  private RelevanceScale relevance = RelevanceScale.defaults();
  private SuggestionGenerator suggestions = new PassageSuggestions();
  private int suggestionCount = 3;
  private int retrievalDepth = 10;
  private Reranker reranker = FittedRelevance.defaults().rerankByDefault() ? FeatureReranker.fitted() : null;
  private int rerankDepth = FittedRelevance.defaults().rerankDepth();
  private ExecutorService executor;
  private ToIntFunction<String> tokenCounter = Tokens.ESTIMATE;
  private EgrettaMetrics metrics = EgrettaMetrics.NOOP;
  private ModelAssist assist;

  EgrettaEngineBuilder() {}

  /** Where passages come from (required). */
  public EgrettaEngineBuilder retriever(Retriever retriever) {
    this.retriever = Objects.requireNonNull(retriever, "retriever");
    return this;
  }

  /** What the index holds, for the domain catalog and the private-scope check. */
  public EgrettaEngineBuilder corpusInventory(CorpusInventory inventory) {
    this.inventory = Objects.requireNonNull(inventory, "corpusInventory");
    return this;
  }

  /** The generator of every model without a generator of its own. */
  public EgrettaEngineBuilder generator(AnswerGenerator generator) {
    this.defaultGenerator = Objects.requireNonNull(generator, "generator");
    return this;
  }

  /** The generator of one model of the catalog. */
  public EgrettaEngineBuilder generator(String modelId, AnswerGenerator generator) {
    generators.put(Objects.requireNonNull(modelId, "modelId"), Objects.requireNonNull(generator, "generator"));
    return this;
  }

  /** The models callers may choose from (exactly one default). */
  public EgrettaEngineBuilder modelCatalog(ModelCatalog catalog) {
    this.models = Objects.requireNonNull(catalog, "modelCatalog");
    return this;
  }

  public EgrettaEngineBuilder sessionStore(SessionStore store) {
    this.sessions = Objects.requireNonNull(store, "sessionStore");
    return this;
  }

  public EgrettaEngineBuilder displayNames(DisplayNames names) {
    this.names = Objects.requireNonNull(names, "displayNames");
    return this;
  }

  /** Overrides the display name of one domain slug. */
  public EgrettaEngineBuilder domainName(String slug, String name) {
    this.names = names.withDomain(slug, name);
    return this;
  }

  /** Overrides the display name of one category code. */
  public EgrettaEngineBuilder categoryName(String code, String name) {
    this.names = names.withCategory(code, name);
    return this;
  }

  public EgrettaEngineBuilder linkSigner(LinkSigner signer) {
    this.linkSigner = Objects.requireNonNull(signer, "linkSigner");
    return this;
  }

  public EgrettaEngineBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  public EgrettaEngineBuilder queryRewriter(QueryRewriter rewriter) {
    this.rewriter = Objects.requireNonNull(rewriter, "queryRewriter");
    return this;
  }

  public EgrettaEngineBuilder modeRouter(ModeRouter router) {
    this.router = Objects.requireNonNull(router, "modeRouter");
    return this;
  }

  /**
   * The embedding model for evidence selection and answerability (default: the retriever, when it
   * is a {@link TextEmbedder}; without one the context judge is {@link ScoreThresholdJudge#defaults()}
   * and evidence is ranked lexically).
   */
  public EgrettaEngineBuilder textEmbedder(TextEmbedder embedder) {
    this.textEmbedder = Objects.requireNonNull(embedder, "textEmbedder");
    return this;
  }

  /**
   * The context judge (default: {@link AnswerabilityJudge#defaults} over the text embedder, else
   * {@link ScoreThresholdJudge#defaults()}).
   */
  public EgrettaEngineBuilder contextJudge(ContextJudge judge) {
    this.judge = Objects.requireNonNull(judge, "contextJudge");
    return this;
  }

  public EgrettaEngineBuilder relevanceScale(RelevanceScale scale) {
    this.relevance = Objects.requireNonNull(scale, "relevanceScale");
    return this;
  }

  public EgrettaEngineBuilder suggestionGenerator(SuggestionGenerator generator) {
    this.suggestions = Objects.requireNonNull(generator, "suggestionGenerator");
    return this;
  }

  /** How many suggestions to return, 0..5 (default 3). */
  public EgrettaEngineBuilder suggestionCount(int count) {
    if (count < 0 || count > 5) {
      throw new IllegalArgumentException("suggestionCount must be 0..5; got " + count);
    }
    this.suggestionCount = count;
    return this;
  }

  /** How many hits to ask the retriever for before judging, 1..100 (default 10). */
  public EgrettaEngineBuilder retrievalDepth(int depth) {
    if (depth < 1 || depth > 100) {
      throw new IllegalArgumentException("retrievalDepth must be 1..100; got " + depth);
    }
    this.retrievalDepth = depth;
    return this;
  }

  /**
   * How the default extractive generator counts tokens for {@code usage} (default
   * {@link Tokens#ESTIMATE}); pass the embedding model's tokenizer for exact counts.
   */
  public EgrettaEngineBuilder tokenCounter(ToIntFunction<String> counter) {
    this.tokenCounter = Objects.requireNonNull(counter, "tokenCounter");
    return this;
  }

  /**
   * Where the engine records its timers, counters and observations (default {@link EgrettaMetrics#NOOP}:
   * nothing, at no cost); e.g. {@code EgrettaMetrics.of(meterRegistry)}.
   */
  public EgrettaEngineBuilder metrics(EgrettaMetrics metrics) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    return this;
  }

  /**
   * The reranking stage between retrieval and the context decision (default: the built-in
   * {@link FeatureReranker} when the fitted settings say it pays, else none; see core/README.md).
   */
  public EgrettaEngineBuilder reranker(Reranker reranker) {
    this.reranker = Objects.requireNonNull(reranker, "reranker");
    return this;
  }

  /** No reranking stage: the retriever's order is final. */
  public EgrettaEngineBuilder noReranker() {
    this.reranker = null;
    return this;
  }

  /** How many retrieved candidates the reranker reorders, 1..200 (default: the fitted value, {@link FittedRelevance}). */
  public EgrettaEngineBuilder rerankDepth(int depth) {
    if (depth < 1 || depth > 200) {
      throw new IllegalArgumentException("rerankDepth must be 1..200; got " + depth);
    }
    this.rerankDepth = depth;
    return this;
  }

  /**
   * A chat model for the calls around an answer: {@code auto} mode decided by the model (the mode router set
   * here, by default {@link KeywordModeRouter}, on any failure), follow-up suggestions and session titles
   * written by the model ({@link ModelFollowUps}; the suggestion generator on any failure). Default: none,
   * no model calls.
   */
  public EgrettaEngineBuilder modelAssist(ModelAssist assist) {
    this.assist = Objects.requireNonNull(assist, "modelAssist");
    return this;
  }

  /** The executor streamed queries run on (default: a virtual thread per query, shut down on close). */
  public EgrettaEngineBuilder streamExecutor(ExecutorService executor) {
    this.executor = Objects.requireNonNull(executor, "streamExecutor");
    return this;
  }

  /**
   * @throws ConfigurationException naming the missing or inconsistent part
   */
  public EgrettaEngine build() {
    if (retriever == null) {
      throw new ConfigurationException("an engine needs a retriever: call retriever(...), e.g. with a Lucene knowledge base");
    }
    CorpusInventory inv = inventory;
    if (inv == null && retriever instanceof CorpusInventory ci) {
      inv = ci;
    }
    if (inv == null) {
      throw new ConfigurationException("the retriever " + retriever.getClass().getName()
          + " is not a CorpusInventory: call corpusInventory(...) so the engine knows the domains and private documents");
    }
    ModelCatalog catalog = models;
    Map<String, AnswerGenerator> byModel = new LinkedHashMap<>(generators);
    AnswerGenerator fallback = defaultGenerator;
    if (catalog == null) {
      if (defaultGenerator != null || !generators.isEmpty()) {
        throw new ConfigurationException("a custom generator needs a model catalog naming its models: call modelCatalog(...)");
      }
      catalog = ExtractiveAnswerGenerator.CATALOG;
    }
    TextEmbedder embedder = textEmbedder != null ? textEmbedder : retriever instanceof TextEmbedder te ? te : null;
    ContextJudge contextJudge = judge != null ? judge
        : embedder != null ? AnswerabilityJudge.defaults(embedder) : ScoreThresholdJudge.defaults();
    EvidenceSelector selector = contextJudge instanceof AnswerabilityJudge aj ? aj.selector()
        : embedder != null ? EvidenceSelector.embedding(embedder) : EvidenceSelector.lexical();
    if (fallback == null) {
      byModel.putIfAbsent(ExtractiveAnswerGenerator.MODEL.modelId(), new ExtractiveAnswerGenerator(tokenCounter, selector));
    }
    List<ModelEntry> entries = catalog.models();
    long defaults = entries.stream().filter(ModelEntry::isDefault).count();
    if (defaults != 1) {
      throw new ConfigurationException("the model catalog must have exactly one default model; it has " + defaults);
    }
    List<String> ids = entries.stream().map(ModelEntry::modelId).toList();
    for (String id : byModel.keySet()) {
      if (!ids.contains(id) && !id.equals(ExtractiveAnswerGenerator.MODEL.modelId())) {
        throw new ConfigurationException("a generator is set for model '" + id + "', which is not in the model catalog ("
            + String.join(", ", ids) + ")");
      }
    }
    if (fallback == null) {
      List<String> unserved = ids.stream().filter(id -> !byModel.containsKey(id)).toList();
      if (!unserved.isEmpty()) {
        throw new ConfigurationException("no generator serves model(s) " + unserved.stream().collect(Collectors.joining(", "))
            + ": call generator(...) for all models or generator(modelId, ...) for each");
      }
    }
    boolean owns = executor == null;
    ExecutorService exec = owns ? Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("egretta-stream-", 0).factory())
        : executor;
    Reranker timed = reranker == null ? null : (question, candidates) -> metrics.rerank(() -> reranker.rerank(question, candidates));
    Retriever ranked = timed == null ? retriever : new RerankingRetriever(retriever, timed, rerankDepth);
    EngineParts parts = new EngineParts(ranked, inv, new DomainCatalog(inv, names), catalog, byModel, fallback,
        sessions == null ? new InMemorySessionStore() : sessions, linkSigner, clock, rewriter,
        assist == null ? router : new ModelModeRouter(assist, router), contextJudge, relevance,
        suggestions, suggestionCount, retrievalDepth, exec, owns, assist == null ? FollowUps.of(suggestions)
            : new ModelFollowUps(assist, FollowUps.of(suggestions), suggestionCount + 2));
    return new EgrettaEngine(parts, metrics);
  }
}
