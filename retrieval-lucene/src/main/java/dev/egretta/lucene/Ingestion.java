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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.util.BytesRef;

/**
 * One ingestion run: lists the source, skips unchanged documents (same source version, or same
 * SHA-256), parses and chunks the others, embeds them in batches while the next batch is being
 * parsed, writes each document as one atomic block and commits after every batch. A crash
 * therefore loses at most the batch in flight, which the next run redoes.
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
    ExecutorService writerThread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "egretta-ingest-writer");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Prepared> batch = new ArrayList<>();
      int batchChunks = 0;
      Future<List<Prepared>> inFlight = null;
      Set<String> seen = new HashSet<>();
      for (SourceDocument doc : listed) {
        if (!seen.add(doc.uri())) {
          continue;
        }
        listener.documentStarted(doc);
        Prepared p = prepare(source, doc, known.get(doc.uri()), text);
        if (p == null) {
          continue;
        }
        batch.add(p);
        batchChunks += p.chunks().size();
        if (batchChunks >= config.batchChunks()) {
          inFlight = submit(writerThread, inFlight, batch);
          batch = new ArrayList<>();
          batchChunks = 0;
        }
      }
      inFlight = submit(writerThread, inFlight, batch);
      finish(inFlight);
      if (sync) {
        for (Manifest m : known.values()) {
          if (!seen.contains(m.uri())) {
            store.delete(owner, m.uri());
            deleted++;
            listener.documentFinished(new SourceDocument(m.uri(), m.filename(), m.domain(), m.category(), -1, ""),
                DocumentOutcome.DELETED, "");
          }
        }
        store.commit();
      }
    } finally {
      writerThread.shutdownNow();
    }
    return new IngestReport(indexed, unchanged, deleted, rejected, truncated, pages, chunks,
        (System.nanoTime() - start) / 1e9);
  }

  /** Null when the document needs no work (unchanged); reported at once. */
  private Prepared prepare(DocumentSource source, SourceDocument doc, Manifest old, boolean text) {
    if (old != null && !doc.version().isEmpty() && old.version().equals(doc.version())) {
      return skip(doc, old);
    }
    if (doc.size() > config.maxFileBytes()) {
      return new Prepared(doc, "", null, List.of(), "file larger than the limit of " + config.maxFileBytes() + " bytes");
    }
    byte[] bytes;
    try (InputStream in = source.open(doc)) {
      bytes = in.readNBytes((int) config.maxFileBytes() + 1);
    } catch (IOException | RuntimeException e) {
      return new Prepared(doc, "", null, List.of(), "cannot read the file: " + e.getMessage());
    }
    if (bytes.length > config.maxFileBytes()) {
      return new Prepared(doc, "", null, List.of(), "file larger than the limit of " + config.maxFileBytes() + " bytes");
    }
    String sha = sha256(bytes);
    if (old != null && old.sha256().equals(sha)) {
      store.updateVersion(owner, doc.uri(), doc.version());
      return skip(doc, old);
    }
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

  private Prepared skip(SourceDocument doc, Manifest old) {
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

  private Future<List<Prepared>> submit(ExecutorService writerThread, Future<List<Prepared>> previous, List<Prepared> batch) {
    finish(previous);
    if (batch.isEmpty()) {
      return null;
    }
    return writerThread.submit(() -> {
      write(batch);
      return batch;
    });
  }

  private void finish(Future<List<Prepared>> flight) {
    if (flight == null) {
      return;
    }
    List<Prepared> done;
    try {
      done = flight.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EgrettaException("interrupted while indexing", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof EgrettaException ee ? ee : new EgrettaException("indexing failed: " + cause.getMessage(), cause);
    }
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

  /** Runs on the writer thread: embed the batch, write one block per document, commit. */
  private void write(List<Prepared> batch) {
    List<String> texts = new ArrayList<>();
    for (Prepared p : batch) {
      for (Chunk c : p.chunks()) {
        texts.add(c.indexText());
      }
    }
    List<float[]> vectors = store.cachedOrEmbed(texts, embedder);
    int at = 0;
    for (Prepared p : batch) {
      if (p.rejection() != null) {
        store.replace(owner, p.source().uri(), List.of(Fields.rejected(p.source(), owner, p.sha256(), p.rejection())));
        continue;
      }
      List<float[]> own = vectors.subList(at, at + p.chunks().size());
      at += p.chunks().size();
      List<Document> block = Fields.block(p.source(), owner, p.sha256(), p.text(), p.chunks(), own);
      store.replace(owner, p.source().uri(), block);
    }
    store.commit();
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
