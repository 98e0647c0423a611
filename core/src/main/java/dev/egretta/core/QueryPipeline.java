package dev.egretta.core;

import dev.egretta.api.ContextQuality;
import dev.egretta.api.KnowledgeScope;
import dev.egretta.api.Mode;
import dev.egretta.api.Performance;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.Relevance;
import dev.egretta.api.Sender;
import dev.egretta.api.Source;
import dev.egretta.api.SourceType;
import dev.egretta.api.Usage;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.internal.DomainCatalog;
import dev.egretta.core.pipeline.ContextDecision;
import dev.egretta.core.pipeline.FollowUps;
import dev.egretta.core.internal.Terms;
import dev.egretta.core.metrics.EgrettaMetrics;
import dev.egretta.core.session.NewMessage;
import dev.egretta.core.session.SessionRecord;
import dev.egretta.core.session.SessionStore;
import dev.egretta.core.session.StoredMessage;
import dev.egretta.core.spi.AnswerGenerator;
import dev.egretta.core.spi.ChatTurn;
import dev.egretta.core.spi.GenerationRequest;
import dev.egretta.core.spi.ModelEntry;
import dev.egretta.core.spi.NumberedPassage;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.core.spi.TokenUsage;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The stages of one query in order (validate, organisation, session, follow-up rewrite, mode routing,
 * scoped retrieval, context judgement, then generation and completion), shared by the blocking and the
 * streaming call.
 */
final class QueryPipeline {

  private static final System.Logger LOG = System.getLogger(QueryPipeline.class.getName());
  private static final int EXCERPT_CHARS = 300;

  private final EngineParts parts;
  private final EgrettaMetrics metrics;

  QueryPipeline(EngineParts parts, EgrettaMetrics metrics) {
    this.parts = parts;
    this.metrics = metrics;
  }

  EgrettaMetrics metrics() {
    return metrics;
  }

  EngineParts parts() {
    return parts;
  }

  /** A query whose every up-front check passed: model, domain and category, scope, session. */
  record Checked(ValidatedQuery query, Organisation caller, ModelEntry model, DomainCatalog.Resolved names,
      SearchScope scope, Optional<SessionRecord> session, long startNanos, Instant startedAt) {}

  /**
   * The checks that need no retrieval or model (unknown model, domain, category or session, another
   * organisation's session, a scope the caller cannot use); a stream runs them before its first event.
   */
  Checked check(ValidatedQuery q, Organisation caller) {
    long start = System.nanoTime();
    Instant startedAt = parts.now();
    ModelEntry model = parts.models().resolve(q.modelId());
    DomainCatalog.Resolved names = parts.domains().resolve(caller, q.domain(), q.category());
    SearchScope scope = scope(q.knowledgeScope(), caller, q.domain(), q.category());
    Optional<SessionRecord> session = q.sessionId().map(id -> parts.sessions().find(caller, id)
        .orElseThrow(() -> SessionStore.notFound(id)));
    session.ifPresent(s -> checkSessionScope(s, q));
    return new Checked(q, caller, model, names, scope, session, start, startedAt);
  }

  Prepared prepare(ValidatedQuery q, Organisation caller) {
    return prepare(check(q, caller));
  }

  Prepared prepare(Checked checked) {
    ValidatedQuery q = checked.query();
    Organisation caller = checked.caller();
    ModelEntry model = checked.model();
    DomainCatalog.Resolved names = checked.names();
    SearchScope scope = checked.scope();
    Optional<SessionRecord> session = checked.session();
    long start = checked.startNanos();
    Instant startedAt = checked.startedAt();
    List<ChatTurn> history = session.map(s -> parts.sessions().messages(caller, s.id()).stream()
        .map(m -> new ChatTurn(m.message().sender(), m.message().content())).toList()).orElse(List.of());
    // what is searched and judged: the question itself ("Can you tell me", "What's" written out), standalone
    String standalone = parts.rewriter().standalone(Terms.plainQuestion(q.query()), history);
    Mode mode = q.mode() == Mode.AUTO ? parts.router().route(standalone) : q.mode();
    if (mode == Mode.AUTO) {
      throw new ConfigurationException("the mode router returned auto; it must choose compliance or advisory");
    }
    long r0 = System.nanoTime();
    List<RetrievedPassage> hits = inScope(metrics.retrieval(() -> parts.retriever().retrieve(
        new RetrievalRequest(standalone, scope, parts.retrievalDepth()))), scope);
    long retrievalMs = ms(System.nanoTime() - r0);
    ContextDecision decision = parts.judge().judge(standalone, hits);
    List<NumberedPassage> numbered = new ArrayList<>();
    for (RetrievedPassage p : decision.offered()) {
      numbered.add(new NumberedPassage(numbered.size() + 1, p));
    }
    List<Source> sources = numbered.stream()
        .map(np -> source(np.passage(), standalone, decision.evidenceFor(np.passage().chunkId()))).toList();
    if (decision.insufficient()) {
      sources = closest(sources);
    }
    GenerationRequest generation = decision.insufficient() ? null
        : new GenerationRequest(q.query(), standalone, mode, numbered, history, model);
    return new Prepared(q, caller, names, model, mode, session, standalone, scope, decision, sources, generation,
        start, startedAt, retrievalMs);
  }

  AnswerGenerator generator(ModelEntry model) {
    return parts.generatorFor(model.modelId());
  }

  /** Suggestions, persistence and the response, once the answer text is final. */
  QueryResponse finish(Prepared p, String markdown, TokenUsage usage, long generationMs) {
    boolean first = p.session().isEmpty();
    FollowUps.Written written = p.insufficient() || (parts.suggestionCount() == 0 && !first) ? null
        : parts.followUps().write(p.query().query(), p.standaloneQuestion(), markdown, p.decision().offered(), first);
    List<String> suggestions = written == null ? List.of() : suggestions(p, written);
    Instant answeredAt = parts.now();
    SessionRecord session = p.session().orElseGet(() -> {
      String title = written == null ? SessionRecord.titleOf(p.query().query())
          : written.title().orElseGet(() -> SessionRecord.titleOf(p.query().query()));
      SessionRecord s = new SessionRecord(UUID.randomUUID(), p.caller(), title,
          p.names().domainSlug(), p.names().domainName(), p.names().categoryCode(), p.names().categoryName(),
          p.startedAt(), p.startedAt(), 0);
      parts.sessions().create(s);
      return s;
    });
    ContextQuality quality = p.decision().quality();
    String modelId = p.model().modelId();
    List<StoredMessage> stored = parts.sessions().append(p.caller(), session.id(), List.of(
        NewMessage.user(p.query().query(), modelId, p.startedAt()),
        new NewMessage(Sender.ASSISTANT, markdown, modelId, p.mode(), p.sources(), usage.inputTokens(),
            usage.outputTokens(), quality, answeredAt)));
    double cost = Math.round(p.model().costUsd(usage) * 1e7) / 1e7;
    long total = ms(System.nanoTime() - p.startNanos());
    return new QueryResponse(markdown, p.sources(), suggestions, quality,
        new Usage(usage.inputTokens(), usage.outputTokens(), cost, modelId),
        new Performance(p.retrievalMs(), generationMs, total, quality.chunksRetrieved(), quality.avgRelevanceScore()),
        session.id().toString(), stored.getLast().messageId());
  }

  private List<String> suggestions(Prepared p, FollowUps.Written written) {
    int wanted = parts.suggestionCount();
    if (wanted == 0) {
      return List.of();
    }
    List<String> accepted = new ArrayList<>();
    List<String> candidates = written.candidates();
    for (String c : candidates) {
      if (accepted.size() >= wanted) {
        break;
      }
      String candidate = c.strip();
      if (candidate.isEmpty() || Terms.similarity(candidate, p.query().query()) >= 0.6
          || Terms.similarity(candidate, p.standaloneQuestion()) >= 0.6
          || accepted.stream().anyMatch(a -> a.equalsIgnoreCase(candidate) || Terms.similarity(a, candidate) >= 0.8)) {
        continue;
      }
      List<RetrievedPassage> hits = inScope(parts.retriever().retrieve(
          new RetrievalRequest(candidate, p.scope(), parts.retrievalDepth())), p.scope());
      if (!(written.answerable() ? parts.judge().judge(candidate, hits) : parts.judge().judge(hits)).insufficient()) {
        accepted.add(candidate);
      }
    }
    return accepted;
  }

  private SearchScope scope(KnowledgeScope scope, Organisation caller, String domain, String category) {
    return switch (scope) {
      case ALL -> new SearchScope(domain, category, true, Optional.of(caller));
      case PUBLIC -> SearchScope.publicOnly(domain, category);
      case PRIVATE -> {
        if (!parts.inventory().hasPrivateDocuments(caller)) {
          throw InvalidRequestException.of("knowledge_scope", "private requires that organisation '" + caller.id()
              + "' has at least one indexed private document, and it has none; use all or public");
        }
        yield new SearchScope(domain, category, false, Optional.of(caller));
      }
    };
  }

  private static void checkSessionScope(SessionRecord s, ValidatedQuery q) {
    if (!s.domainSlug().equals(q.domain()) || !s.categoryCode().equals(q.category())) {
      throw InvalidRequestException.of("session_id", "session " + s.id() + " is scoped to domain '" + s.domainSlug()
          + "' and category '" + s.categoryCode() + "', but this query asks for domain '" + q.domain()
          + "' and category '" + q.category() + "'; omit session_id to start a new session");
    }
  }

  /** Defence in depth: a hit the scope does not allow is dropped (and logged), whatever the retriever did. */
  private static List<RetrievedPassage> inScope(List<RetrievedPassage> hits, SearchScope scope) {
    List<RetrievedPassage> kept = new ArrayList<>(hits.size());
    for (RetrievedPassage p : hits) {
      if (p.isPrivate() ? scope.privateOf().isPresent() : scope.includePublic()) {
        kept.add(p);
      } else {
        LOG.log(Level.WARNING, "the retriever returned chunk {0} outside the search scope; dropped", p.chunkId());
      }
    }
    return kept;
  }

  private Source source(RetrievedPassage p, String question, Optional<String> evidence) {
    String url = new SourceLinks(parts.linkSigner()).url(p.documentUri());
    return new Source(p.documentUri(), p.filename(), citedPage(p, evidence), Terms.excerpt(p.text(), question, evidence, EXCERPT_CHARS),
        Math.round(p.score() * 1e7) / 1e7, parts.relevance().label(p.score()), SourceType.DOCUMENT, url, p.isPrivate());
  }

  /**
   * Sources of an answer that is not given: the closest passages, which the judge found not to answer,
   * so none is labelled more than "Partially Relevant" whatever its retrieval score.
   */
  static List<Source> closest(List<Source> sources) {
    return sources.stream().map(s -> s.relevance() == null || s.relevance() == Relevance.PARTIALLY_RELEVANT ? s
        : new Source(s.uri(), s.filename(), s.pageNumber(), s.excerpt(), s.score(), Relevance.PARTIALLY_RELEVANT,
            s.sourceType(), s.downloadUrl(), s.isPrivate())).toList();
  }

  /**
   * The page a source cites: the one its evidence sentence is on, else the one holding most of the
   * passage (a passage that starts with a page's last lines is mostly about the next page); null
   * for formats without pages.
   */
  static Integer citedPage(RetrievedPassage p, Optional<String> evidence) {
    if (p.startPage() == 0) {
      return null;
    }
    int at = evidence.map(e -> Terms.locate(p.text(), e)).orElse(-1);
    return at >= 0 ? p.pageAt(at) : p.mainPage();
  }

  static long ms(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }
}
