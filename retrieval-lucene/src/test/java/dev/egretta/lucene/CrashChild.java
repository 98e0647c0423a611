package dev.egretta.lucene;

import dev.egretta.core.spi.SourceDocument;
import dev.egretta.testsupport.HashingEmbeddingModel;
import java.nio.file.Path;

/**
 * Child JVM of {@link CrashRecoveryTest}: ingests a folder with small batches and announces each
 * committed document on stdout, so that the parent can kill it in the middle of the run.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) {
    LuceneConfig config = LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel()).batchChunks(16).build();
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(Path.of(args[0]), config)) {
      kb.ingest(LocalFolderSource.of(Path.of(args[1])), IngestOptions.publicLibrary(), new IngestListener() {
        @Override
        public void documentFinished(SourceDocument d, DocumentOutcome o, String detail) {
          System.out.println("committed " + d.filename());
          System.out.flush();
          try {
            Thread.sleep(Long.parseLong(args[2]));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      });
    }
    System.out.println("done");
  }
}
