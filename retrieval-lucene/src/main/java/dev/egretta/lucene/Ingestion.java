package dev.egretta.lucene;

import dev.egretta.core.Organisation;
import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.SourceDocument;
import java.util.Optional;

/**
 * One ingestion run, in named stages: {@link IngestPlan} lists the source and skips unchanged documents
 * (same source version, or same SHA-256), reading the others on the caller's thread; {@link ParseStage}
 * parses and chunks them on parser threads; {@link WriteStage} embeds the documents already parsed, writes
 * each as one atomic block and commits after every {@code batchChunks} chunks or {@code commitInterval},
 * whichever comes first; {@link IngestReportBuilder} counts the outcomes and tells the listener. A crash loses at most the uncommitted batch, which the next
 * run redoes.
 */
final class Ingestion {
  private final IndexStore store;
  private final TextExtractor extractor;
  private final Chunker chunker;
  private final Embedder embedder;
  private final LuceneConfig config;
  private final IngestListener listener;
  private final Optional<Organisation> owner;
  private final OcrMode ocr;

  Ingestion(IndexStore store, TextExtractor extractor, Chunker chunker, Embedder embedder,
      LuceneConfig config, IngestOptions options, IngestListener listener) {
    this.store = store;
    this.extractor = extractor;
    this.chunker = chunker;
    this.embedder = embedder;
    this.config = config;
    this.owner = options.owner();
    this.ocr = options.ocr();
    this.listener = listener;
  }

  IngestReport run(DocumentSource source, boolean sync) {
    IngestReportBuilder report = new IngestReportBuilder(listener);
    IngestPlan plan = new IngestPlan(source, store, owner, config.maxFileBytes());
    listener.started(plan.listed().size());
    try (WriteStage write = new WriteStage(store, embedder, owner, config.batchChunks(), config.commitInterval());
        ParseStage parse = new ParseStage(extractor, chunker, source instanceof TextDocumentSource, ocr)) {
      for (SourceDocument doc : plan.listed()) {
        if (!plan.firstListing(doc)) {
          continue;
        }
        listener.documentStarted(doc);
        switch (plan.diff(doc)) {
          case DocumentChange.Unchanged u -> report.unchanged(doc, u.old());
          case DocumentChange.Unreadable u -> report.rejected(doc, u.reason());
          case DocumentChange.Rejected r -> parse.pass(ParsedDocument.rejected(doc, "", r.reason()));
          case DocumentChange.Changed c -> parse.submit(doc, c.sha256(), c.bytes());
        }
        while (parse.full()) {
          write.hand(parse.next());
        }
        write.takeCommitted().forEach(report::committed);
      }
      while (!parse.isEmpty()) {
        write.hand(parse.next());
      }
      write.finish();
      write.takeCommitted().forEach(report::committed);
      if (sync) {
        for (Manifest m : plan.vanished()) {
          store.delete(owner, m.uri());
          report.deleted(m);
        }
        store.commit();
      }
    }
    return report.build();
  }
}
