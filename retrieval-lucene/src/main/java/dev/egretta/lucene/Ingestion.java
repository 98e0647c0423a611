package dev.egretta.lucene;

import dev.egretta.core.EgrettaException;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.SourceDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.document.Document;
import org.apache.lucene.util.BytesRef;

/**
 * One ingestion run: lists the source, skips unchanged documents (same source version, or same
 * SHA-256), reads the others on the caller's thread and parses and chunks them on parser threads
 * while a writer thread embeds the documents already parsed, writes each document as one atomic
 * block and commits after every {@code batchChunks} chunks. A crash therefore loses at most the
 * uncommitted batch, which the next run redoes.
 */
final class Ingestion {
  private final IndexStore store;
  private final PdfTextExtractor extractor;
  private final Chunker chunker;
  private final Embedder embedder;
  private final LuceneConfig config;
  private final IngestListener listener;
  private final Optional<Organisation> owner;

  private int indexed;
  private int unchanged;
  private int deleted;
  private long pages;
  private long chunks;
  private final List<Rejection> rejected = new ArrayList<>();
  private final List<String> truncated = new ArrayList<>();

  /** A document ready to be embedded and written (or a rejection to be recorded). */
  private record Prepared(SourceDocument source, String sha256, ExtractedText text, List<Chunk> chunks, String rejection) {}

  /** Follows the last document into the writer's queue. */
  private static final Prepared END = new Prepared(null, "", null, List.of(), null);

  /**
   * Parsed documents waiting to be embedded. The parser runs ahead of the embedder by at most this
   * many documents, which bounds the memory held in extracted text.
   */
  private static final int QUEUED_DOCUMENTS = 8;

  /**
   * Documents parsed at once. While the first documents are parsed the embedder has nothing to do,
   * and a cold JVM parses several times slower than a warm one, so parsing uses every core then;
   * later the parser threads share the cores with the embedding threads.
   */
  private static final int PARSE_THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

  Ingestion(IndexStore store, PdfTextExtractor extractor, Chunker chunker, Embedder embedder,
      LuceneConfig config, Optional<Organisation> owner, IngestListener listener) {
    this.store = store;
    this.extractor = extractor;
    this.chunker = chunker;
    this.embedder = embedder;
    this.config = config;
    this.owner = owner;
    this.listener = listener;
  }

  IngestReport run(DocumentSource source, boolean sync) {
    long start = System.nanoTime();
    List<SourceDocument> listed;
    try {
      listed = source.list();
    } catch (IOException e) {
      throw new EgrettaException("cannot list the documents of the source: " + e.getMessage(), e);
    }
    listener.started(listed.size());
    Map<String, Manifest> known = new HashMap<>();
    for (Manifest m : store.manifests(Fields.manifestsOf(owner, false))) {
      known.put(m.uri(), m);
    }
    boolean text = source instanceof TextDocumentSource;
    BlockingQueue<Prepared> parsed = new ArrayBlockingQueue<>(QUEUED_DOCUMENTS);
    BlockingQueue<Prepared> committed = new LinkedBlockingQueue<>();
    AtomicBoolean cancelled = new AtomicBoolean();
    ExecutorService writerThread = Executors.newSingleThreadExecutor(
        Thread.ofPlatform().daemon().name("egretta-ingest-writer").factory());
    ExecutorService parsers = Executors.newFixedThreadPool(PARSE_THREADS,
        Thread.ofPlatform().daemon().name("egretta-ingest-parser-", 0).factory());
    Deque<Future<Prepared>> parsing = new ArrayDeque<>();
    try {
      Future<?> writer = writerThread.submit(() -> {
        writeLoop(parsed, committed, cancelled);
        return null;
      });
      Set<String> seen = new HashSet<>();
      for (SourceDocument doc : listed) {
        if (!seen.add(doc.uri())) {
          continue;
        }
        listener.documentStarted(doc);
        Future<Prepared> p = prepare(source, doc, known.get(doc.uri()), text, parsers);
        if (p != null) {
          parsing.add(p);
        }
        while (parsing.size() > PARSE_THREADS) {
          hand(parsed, result(parsing.poll()), writer);
        }
        report(committed);
      }
      while (!parsing.isEmpty()) {
        hand(parsed, result(parsing.poll()), writer);
      }
      hand(parsed, END, writer);
      await(writer);
      report(committed);
      if (sync) {
        for (Manifest m : known.values()) {
          if (!seen.contains(m.uri()) && source.covers(m.uri())) {
            store.delete(owner, m.uri());
            deleted++;
            listener.documentFinished(new SourceDocument(m.uri(), m.filename(), m.domain(), m.category(), -1, ""),
                DocumentOutcome.DELETED, "");
          }
        }
        store.commit();
      }
    } finally {
      // On failure the writer stops after its current group without committing it; wait for it so
      // that no stray writer outlives this run (the next run may start as soon as this one returns).
      cancelled.set(true);
      parsers.shutdownNow();
      writerThread.shutdown();
      awaitTermination(writerThread);
    }
    return new IngestReport(indexed, unchanged, deleted, rejected, truncated, pages, chunks,
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * Reads the document on the caller's thread and hands its parsing to {@code parsers}; null when
   * the document needs no work (unchanged, or unreadable for now), which is reported at once.
   */
  private Future<Prepared> prepare(DocumentSource source, SourceDocument doc, Manifest old, boolean text,
      ExecutorService parsers) {
    if (old != null && !doc.version().isEmpty() && old.version().equals(doc.version())) {
      return skip(doc, old);
    }
    if (doc.size() > config.maxFileBytes()) {
      return tooLarge(doc);
    }
    byte[] bytes;
    try (InputStream in = source.open(doc)) {
      bytes = in.readNBytes((int) config.maxFileBytes() + 1);
    } catch (IOException | RuntimeException e) {
      // A read failure may be transient (network, throttling, a replaced object): report it but record
      // nothing, so a previous version stays searchable and the next run reads the document again.
      String reason = "cannot read the file: " + e.getMessage();
      rejected.add(new Rejection(doc.uri(), reason));
      listener.documentFinished(doc, DocumentOutcome.REJECTED, reason);
      return null;
    }
    if (bytes.length > config.maxFileBytes()) {
      return tooLarge(doc);
    }
    String sha = sha256(bytes);
    if (old != null && old.sha256().equals(sha)) {
      store.updateVersion(owner, doc.uri(), doc.version());
      return skip(doc, old);
    }
    return parsers.submit(() -> parse(doc, sha, bytes, text));
  }

  private Future<Prepared> tooLarge(SourceDocument doc) {
    return CompletableFuture.completedFuture(
        new Prepared(doc, "", null, List.of(), "file larger than the limit of " + config.maxFileBytes() + " bytes"));
  }

  /** Text, boilerplate removal and chunks of one document; runs on a parser thread, touches no shared state. */
  private Prepared parse(SourceDocument doc, String sha, byte[] bytes, boolean text) {
    try {
      ExtractedText extracted = text ? plainText(bytes) : extractor.extract(bytes);
      List<String> cleaned = text ? extracted.pages() : BoilerplateRemover.clean(extracted.pages());
      ExtractedText finalText = new ExtractedText(cleaned, extracted.title(), extracted.truncated());
      List<Chunk> docChunks = chunker.chunk(cleaned);
      if (docChunks.isEmpty()) {
        return new Prepared(doc, sha, null, List.of(), "no extractable text (scanned images or empty pages)");
      }
      return new Prepared(doc, sha, finalText, docChunks, null);
    } catch (RejectedException e) {
      return new Prepared(doc, sha, null, List.of(), e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      return new Prepared(doc, sha, null, List.of(), "cannot process the text: " + e);
    }
  }

  private static Prepared result(Future<Prepared> parsing) {
    try {
      return parsing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EgrettaException("interrupted while parsing", e);
    } catch (ExecutionException e) {
      throw new EgrettaException("parsing failed: " + e.getCause(), e.getCause());
    }
  }

  private Future<Prepared> skip(SourceDocument doc, Manifest old) {
    if (old.indexed()) {
      unchanged++;
      listener.documentFinished(doc, DocumentOutcome.UNCHANGED, "");
    } else {
      rejected.add(new Rejection(doc.uri(), old.reason()));
      listener.documentFinished(doc, DocumentOutcome.REJECTED, old.reason());
    }
    return null;
  }

  private static ExtractedText plainText(byte[] bytes) throws RejectedException {
    String s = new String(bytes, StandardCharsets.UTF_8);
    if (s.isBlank()) {
      throw new RejectedException("empty text");
    }
    return new ExtractedText(Arrays.asList(s.split("\f", -1)), "", false);
  }

  /** Gives a parsed document to the writer, waiting while the queue is full; fails if the writer has. */
  private static void hand(BlockingQueue<Prepared> parsed, Prepared p, Future<?> writer) {
    try {
      while (!parsed.offer(p, 100, TimeUnit.MILLISECONDS)) {
        if (writer.isDone()) {
          await(writer);
          throw new EgrettaException("the index writer stopped before the ingestion ended");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EgrettaException("interrupted while indexing", e);
    }
  }

  private static void await(Future<?> writer) {
    try {
      writer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EgrettaException("interrupted while indexing", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof EgrettaException ee ? ee : new EgrettaException("indexing failed: " + cause.getMessage(), cause);
    }
  }

  private static void awaitTermination(ExecutorService writerThread) {
    boolean interrupted = false;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (!writerThread.isTerminated() && System.nanoTime() < deadline) {
      try {
        writerThread.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reports the documents of every batch committed so far (on the caller's thread, for the listener). */
  private void report(BlockingQueue<Prepared> committed) {
    List<Prepared> done = new ArrayList<>();
    committed.drainTo(done);
    for (Prepared p : done) {
      if (p.rejection() != null) {
        rejected.add(new Rejection(p.source().uri(), p.rejection()));
        listener.documentFinished(p.source(), DocumentOutcome.REJECTED, p.rejection());
      } else {
        indexed++;
        pages += p.text().pageCount();
        chunks += p.chunks().size();
        if (p.text().truncated()) {
          truncated.add(p.source().uri());
        }
        listener.documentFinished(p.source(), p.text().truncated() ? DocumentOutcome.INDEXED_TRUNCATED : DocumentOutcome.INDEXED, "");
      }
    }
  }

  /**
   * The writer thread: takes whatever documents have been parsed (at least one), embeds all their
   * chunks in one call so the embedding threads stay busy across small documents, writes one
   * block per document, and commits once {@code batchChunks} chunks are written and at the end.
   * Parsing goes on meanwhile on the parser threads, so embedding starts with the first document.
   */
  private void writeLoop(BlockingQueue<Prepared> parsed, BlockingQueue<Prepared> committed, AtomicBoolean cancelled)
      throws InterruptedException {
    List<Prepared> uncommitted = new ArrayList<>();
    int uncommittedChunks = 0;
    boolean end = false;
    while (!end) {
      Prepared first = parsed.poll(100, TimeUnit.MILLISECONDS);
      if (cancelled.get()) {
        return;
      }
      if (first == null) {
        continue;
      }
      List<Prepared> group = new ArrayList<>(List.of(first));
      parsed.drainTo(group);
      end = group.get(group.size() - 1) == END;
      if (end) {
        group.remove(group.size() - 1);
      }
      write(group);
      uncommitted.addAll(group);
      for (Prepared p : group) {
        uncommittedChunks += p.chunks().size();
      }
      if (!uncommitted.isEmpty() && (end || uncommittedChunks >= config.batchChunks())) {
        if (cancelled.get()) {
          return;
        }
        store.commit();
        committed.addAll(uncommitted);
        uncommitted.clear();
        uncommittedChunks = 0;
      }
    }
  }

  /** Embeds the group's chunks and writes one block per document (or its rejection), uncommitted. */
  private void write(List<Prepared> group) {
    List<String> texts = new ArrayList<>();
    for (Prepared p : group) {
      for (Chunk c : p.chunks()) {
        texts.add(c.indexText());
      }
    }
    List<float[]> vectors = store.cachedOrEmbed(texts, embedder);
    int at = 0;
    for (Prepared p : group) {
      if (p.rejection() != null) {
        store.replace(owner, p.source().uri(), List.of(Fields.rejected(p.source(), owner, p.sha256(), p.rejection())));
        continue;
      }
      List<float[]> own = vectors.subList(at, at + p.chunks().size());
      at += p.chunks().size();
      List<Document> block = Fields.block(p.source(), owner, p.sha256(), p.text(), p.chunks(), own);
      store.replace(owner, p.source().uri(), block);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static BytesRef bytes(String s) {
    return new BytesRef(s);
  }
}
