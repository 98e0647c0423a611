package dev.egretta.spring;

import dev.egretta.core.metrics.EgrettaMetrics;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.MeteredIngestListener;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Indexes {@code egretta.documents-dir} and the start-up sources before the engine answers; unchanged files are skipped. */
final class StartupIngestion {
  private static final System.Logger LOG = System.getLogger(StartupIngestion.class.getName());

  private StartupIngestion() {}

  static void run(LuceneKnowledgeBase kb, EgrettaProperties properties, List<StartupSource> extra, EgrettaMetrics metrics) {
    List<StartupSource> sources = new ArrayList<>();
    if (properties.getDocumentsDir() != null) {
      if (!Files.isDirectory(properties.getDocumentsDir())) {
        throw new IllegalStateException("egretta.documents-dir is not a folder: " + properties.getDocumentsDir());
      }
      sources.add(new StartupSource(properties.getDocumentsDir().toString(),
          LocalFolderSource.of(properties.getDocumentsDir())));
    }
    sources.addAll(extra);
    for (StartupSource s : sources) {
      IngestReport r = kb.ingest(s.source(), IngestOptions.publicLibrary(), MeteredIngestListener.of(metrics, IngestListener.NONE));
      LOG.log(Level.INFO, () -> String.format("indexed %s: %d new or changed, %d unchanged, %d rejected in %.1f s",
          s.name(), r.documentsIndexed(), r.documentsUnchanged(), r.rejected().size(), r.seconds()));
    }
  }
}
