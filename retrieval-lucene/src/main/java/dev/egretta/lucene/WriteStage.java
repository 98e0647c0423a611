package dev.egretta.lucene;

import dev.egretta.core.EgrettaException;
import dev.egretta.core.Organisation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.document.Document;

/**
 * The embed and write stage, on its own thread: takes whatever documents have been parsed (at least
 * one), embeds all their chunks in one call so that the embedding threads stay busy across small
 * documents, writes one block per document, and commits once {@code batchChunks} chunks are written and
 * at the end. Parsing goes on meanwhile, so embedding starts with the first document. A kill loses at
 * most the uncommitted documents, which the next run redoes.
 */
final class WriteStage implements AutoCloseable {
  /**
   * Parsed documents waiting to be embedded. The parser runs ahead of the embedder by at most this
   * many documents, which bounds the memory held in extracted text.
   */
  private static final int QUEUED_DOCUMENTS = 8;

  private final IndexStore store;
  private final Embedder embedder;
  private final Optional<Organisation> owner;
  private final int batchChunks;
  private final BlockingQueue<ParsedDocument> parsed = new ArrayBlockingQueue<>(QUEUED_DOCUMENTS);
  private final BlockingQueue<ParsedDocument> committed = new LinkedBlockingQueue<>();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final ExecutorService thread = Executors.newSingleThreadExecutor(
      Thread.ofPlatform().daemon().name("egretta-ingest-writer").factory());
  private final Future<?> writer;

  WriteStage(IndexStore store, Embedder embedder, Optional<Organisation> owner, int batchChunks) {
    this.store = store;
    this.embedder = embedder;
    this.owner = owner;
    this.batchChunks = batchChunks;
    this.writer = thread.submit(() -> {
      writeLoop();
      return null;
    });
  }

  /** Gives a parsed document to the writer, waiting while the queue is full; fails if the writer has. */
  void hand(ParsedDocument p) {
    try {
      while (!parsed.offer(p, 100, TimeUnit.MILLISECONDS)) {
        if (writer.isDone()) {
          await();
          throw new EgrettaException("the index writer stopped before the ingestion ended");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EgrettaException("interrupted while indexing", e);
    }
  }

  /** After the last document: waits until everything handed over is written and committed. */
  void finish() {
    hand(ParsedDocument.END);
    await();
  }

  /** The documents committed since the last call, in the order they were handed over. */
  List<ParsedDocument> takeCommitted() {
    List<ParsedDocument> done = new ArrayList<>();
    committed.drainTo(done);
    return done;
  }

  private void await() {
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

  private void writeLoop() throws InterruptedException {
    List<ParsedDocument> uncommitted = new ArrayList<>();
    int uncommittedChunks = 0;
    boolean end = false;
    while (!end) {
      ParsedDocument first = parsed.poll(100, TimeUnit.MILLISECONDS);
      if (cancelled.get()) {
        return;
      }
      if (first == null) {
        continue;
      }
      List<ParsedDocument> group = new ArrayList<>(List.of(first));
      parsed.drainTo(group);
      end = group.get(group.size() - 1) == ParsedDocument.END;
      if (end) {
        group.remove(group.size() - 1);
      }
      write(group);
      uncommitted.addAll(group);
      for (ParsedDocument p : group) {
        uncommittedChunks += p.chunks().size();
      }
      if (!uncommitted.isEmpty() && (end || uncommittedChunks >= batchChunks)) {
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
  private void write(List<ParsedDocument> group) {
    List<String> texts = new ArrayList<>();
    for (ParsedDocument p : group) {
      for (Chunk c : p.chunks()) {
        texts.add(c.indexText());
      }
    }
    List<float[]> vectors = store.cachedOrEmbed(texts, embedder);
    int at = 0;
    for (ParsedDocument p : group) {
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

  /**
   * Stops the writer after its current group without committing it (on failure), and waits for it, so
   * that no stray writer outlives the run: the next run may start as soon as this one returns.
   */
  @Override
  public void close() {
    cancelled.set(true);
    thread.shutdown();
    boolean interrupted = false;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (!thread.isTerminated() && System.nanoTime() < deadline) {
      try {
        thread.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
