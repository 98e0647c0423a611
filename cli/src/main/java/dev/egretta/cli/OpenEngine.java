package dev.egretta.cli;

import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.EgrettaEngineBuilder;
import dev.egretta.core.Engine;
import dev.egretta.core.Organisation;
import dev.egretta.core.session.InMemorySessionStore;
import dev.egretta.core.session.JdbcSessionStore;
import dev.egretta.core.session.SessionStore;
import dev.egretta.core.spi.CorpusInventory;
import dev.egretta.core.spi.DomainCategory;
import dev.egretta.core.spi.Retriever;
import dev.egretta.elasticsearch.ElasticsearchKnowledgeBase;
import dev.egretta.lucene.DocumentIndex;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.s3.S3LinkSigner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An engine assembled from command-line options — the Lucene index, the durable SQLite session
 * store beside it, the chosen generator and, when the documents live in S3, a link signer — and
 * the resources to close with it.
 */
final class OpenEngine implements AutoCloseable {
  private final Engine engine;
  private final Optional<DocumentIndex> writableIndex;
  private final List<AutoCloseable> resources;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private OpenEngine(Engine engine, Optional<DocumentIndex> writableIndex, List<AutoCloseable> resources) {
    this.engine = engine;
    this.writableIndex = writableIndex;
    this.resources = resources;
  }

  Engine engine() {
    return engine;
  }

  /** The index behind the engine (owned by the engine) when this engine may change it, either backend: where uploads go. */
  Optional<DocumentIndex> writableIndex() {
    return writableIndex;
  }

  /** An engine over an existing index that it may also change (private uploads): holds the index's write lock. */
  static OpenEngine open(Context context, IndexOption index, GeneratorOptions generator, S3Options s3,
      boolean signLinks) {
    return open(context, index, generator, s3, signLinks, false);
  }

  /**
   * An engine that only reads the index: it works while a server or an {@code index} run holds the write
   * lock, and sees their commits as they land.
   */
  static OpenEngine openReadOnly(Context context, IndexOption index, GeneratorOptions generator, S3Options s3,
      boolean signLinks) {
    return open(context, index, generator, s3, signLinks, true);
  }

  private static OpenEngine open(Context context, IndexOption index, GeneratorOptions generator, S3Options s3,
      boolean signLinks, boolean readOnly) {
    if (index.backend.elasticsearch()) {
      ElasticsearchKnowledgeBase es = ElasticsearchKnowledgeBase.open(index.backend.config(context));
      return assemble(generator, s3, signLinks, es, openSessions(context, index, es), es::countTokens,
          () -> es.holdsDocumentsUnder(Optional.empty(), "s3://"), Optional.of(es));
    }
    Path indexDir = index.existingIndex(context);
    LuceneKnowledgeBase.startLoadingModel();
    // The session store (SQLite's start-up, 40-60 ms in a fresh process) opens on its own thread while
    // this one opens the index (70-90 ms), which then waits for what is left of the model's load.
    Path sessionsFile = index.sessionsFile(context);
    CompletableFuture<JdbcSessionStore> opening = CompletableFuture.supplyAsync(() -> sessions(sessionsFile),
        open -> Thread.ofPlatform().daemon().name("egretta-open-sessions").start(open));
    LuceneKnowledgeBase kb;
    try {
      kb = readOnly ? LuceneKnowledgeBase.openReadOnly(indexDir) : LuceneKnowledgeBase.open(indexDir);
    } catch (RuntimeException e) {
      // A store still opening when the process exits could be left half-created.
      JdbcSessionStore opened = opening.handle((store, failure) -> store).join();
      if (opened != null) {
        closeAll(List.of(opened), e);
      }
      throw e;
    }
    JdbcSessionStore sessions;
    try {
      sessions = opened(opening);
    } catch (RuntimeException e) {
      closeAll(List.of(kb), e);
      throw e;
    }
    return assemble(generator, s3, signLinks, kb, sessions, kb::countTokens, () -> holdsS3Documents(kb),
        readOnly ? Optional.empty() : Optional.of(kb));
  }

  /** The store once opened, or the failure its opening threw (not wrapped in a CompletionException). */
  private static JdbcSessionStore opened(CompletableFuture<JdbcSessionStore> opening) {
    try {
      return opening.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** The session store for a knowledge base already open; the knowledge base is closed when the store cannot open. */
  private static JdbcSessionStore openSessions(Context context, IndexOption index, AutoCloseable kb) {
    try {
      return sessions(index.sessionsFile(context));
    } catch (RuntimeException e) {
      closeAll(List.of(kb), e);
      throw e;
    }
  }

  /** The engine over one knowledge base (either backend), which it owns from here on. */
  private static <K extends Retriever & AutoCloseable> OpenEngine assemble(GeneratorOptions generator, S3Options s3,
      boolean signLinks, K kb, SessionStore sessions, java.util.function.ToIntFunction<String> tokens,
      java.util.function.BooleanSupplier holdsS3Documents, Optional<DocumentIndex> writable) {
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      EgrettaEngineBuilder builder = EgrettaEngine.builder()
          .retriever(kb)
          .tokenCounter(tokens)
          .sessionStore(sessions)
          .metrics(ServeMetrics.engineMetrics());
      useGenerator(builder, generator, resources);
      if (signLinks && (hasS3Options(s3) || holdsS3Documents.getAsBoolean())) {
        S3LinkSigner signer = S3LinkSigner.of(Sources.s3Config(s3));
        resources.add(signer);
        builder.linkSigner(signer);
      }
      return new OpenEngine(builder.build(), writable, resources);
    } catch (RuntimeException e) {
      resources.add(sessions);
      resources.add(kb);
      closeAll(resources, e);
      throw e;
    }
  }

  /** Sets the chosen generator and its model catalog on a builder; what must be closed after is added to {@code resources}. */
  static void useGenerator(EgrettaEngineBuilder builder, GeneratorOptions generator, List<AutoCloseable> resources) {
    generator.check();
    var catalog = generator.bedrock() || generator.model != null ? Generators.catalog(generator) : null;
    if (catalog != null) {
      builder.modelCatalog(catalog);
    }
    if (catalog instanceof AutoCloseable live) {
      resources.add(live);
    }
    if (generator.bedrock()) {
      var bedrock = Generators.bedrock(generator);
      resources.add(bedrock);
      builder.generator(bedrock);
      Generators.assist(builder, generator, bedrock, catalog);
    }
  }

  /**
   * An engine for the session commands only. Without an index it still lists (no) sessions; with one,
   * read-only, it knows the index's domains for the sessions' display names.
   */
  static OpenEngine forSessions(Context context, IndexOption index) {
    Path indexDir = index.indexDir(context);
    if (index.backend.elasticsearch() || LuceneKnowledgeBase.exists(indexDir)) {
      return openReadOnly(context, index, new GeneratorOptions(), new S3Options(), false);
    }
    Retriever none = request -> List.of();
    CorpusInventory empty = new CorpusInventory() {
      @Override
      public Set<DomainCategory> domainCategories(Organisation caller) {
        return Set.of();
      }

      @Override
      public boolean hasPrivateDocuments(Organisation caller) {
        return false;
      }
    };
    // No index: keep the session store as it is, or, when there is none yet, read an empty one
    // instead of creating files on a machine that has never used Egretta.
    Path file = index.sessionsFile(context);
    SessionStore store = Files.exists(file) ? sessions(file) : new InMemorySessionStore();
    return new OpenEngine(EgrettaEngine.builder().retriever(none).corpusInventory(empty).sessionStore(store).build(),
        Optional.empty(), List.of());
  }

  private static JdbcSessionStore sessions(Path file) {
    try {
      dev.egretta.core.internal.FilePermissions.createPrivateDirectories(file.toAbsolutePath().getParent());
    } catch (java.io.IOException e) {
      throw new CliFailure("cannot create the folder of the session store " + file + ": " + e.getMessage(), e);
    }
    return JdbcSessionStore.sqlite(file);
  }

  private static boolean hasS3Options(S3Options s3) {
    return s3.endpoint != null || s3.pathStyle || s3.region != null;
  }

  private static boolean holdsS3Documents(LuceneKnowledgeBase kb) {
    return kb.holdsDocumentsUnder(Optional.empty(), "s3://");
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    RuntimeException failure = null;
    try {
      engine.close();
    } catch (RuntimeException e) {
      failure = e;
    }
    closeAll(resources, failure);
    if (failure != null) {
      throw failure;
    }
  }

  /** Closes resources in reverse order; failures are added to {@code primary} when there is one. */
  static void closeAll(List<AutoCloseable> resources, RuntimeException primary) {
    for (AutoCloseable r : resources.reversed()) {
      try {
        r.close();
      } catch (Exception e) {
        if (primary != null) {
          primary.addSuppressed(e);
        }
      }
    }
  }
}
