package dev.egretta.examples;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.Source;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Engine;
import dev.egretta.core.Organisation;
import dev.egretta.core.session.JdbcSessionStore;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Embeds the engine in an application: index a folder of PDFs, ask a question, continue the session
 * with a follow-up. Everything runs in-process with no network.
 *
 * <pre>
 * java ... dev.egretta.examples.EmbedInApplication PDF_FOLDER DATA_DIR DOMAIN CATEGORY "question" "follow-up"
 * </pre>
 *
 * PDFs laid out as {@code <domain>/pdf/<category>/<file>.pdf} are filed by their path; the others
 * under DOMAIN and CATEGORY. DATA_DIR receives the index and {@code sessions.db}; a second run skips
 * unchanged PDFs and keeps the sessions.
 */
public final class EmbedInApplication {
  private EmbedInApplication() {}

  /** Indexes {@code pdfs} into {@code dataDir}, then asks {@code question} and {@code followUp} in one session. */
  public static List<QueryResponse> run(Path pdfs, Path dataDir, String domain, String category, String question,
      String followUp) {
    LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dataDir.resolve("index"));
    IngestReport report = kb.ingest(LocalFolderSource.of(pdfs).withDefaults(domain, category),
        IngestOptions.publicLibrary(), IngestListener.NONE);
    System.out.printf("indexed %d, unchanged %d, rejected %d%n", report.documentsIndexed(),
        report.documentsUnchanged(), report.rejected().size());

    try (Engine engine = EgrettaEngine.builder()
        .retriever(kb) // the engine closes the knowledge base with itself
        .sessionStore(JdbcSessionStore.sqlite(dataDir.resolve("sessions.db")))
        .build()) {
      QueryResponse first = engine.query(ValidatedQuery.of(question, domain, category, Mode.COMPLIANCE),
          Organisation.LOCAL);
      QueryResponse second = engine.query(ValidatedQuery.of(followUp, domain, category, Mode.COMPLIANCE)
          .withSessionId(UUID.fromString(first.sessionId())), Organisation.LOCAL);
      return List.of(first, second);
    }
  }

  public static void main(String[] args) {
    if (args.length != 6) {
      System.err.println("usage: EmbedInApplication PDF_FOLDER DATA_DIR DOMAIN CATEGORY QUESTION FOLLOW_UP");
      System.exit(2);
    }
    for (QueryResponse r : run(Path.of(args[0]), Path.of(args[1]), args[2], args[3], args[4], args[5])) {
      System.out.println(r.response());
      for (Source s : r.sources()) {
        System.out.printf("  %s, page %d (score %.2f)%n", s.filename(), s.pageNumber(), s.score());
      }
      System.out.println("session " + r.sessionId());
    }
  }
}
