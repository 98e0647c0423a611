package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.core.spi.SourceDocument;
import dev.egretta.testsupport.HashingEmbeddingModel;
import dev.egretta.testsupport.TestPdfs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read-only instance beside a writer on one index directory (as the CLI beside a server), and
 * commits on a time interval, seen from such a reader while an ingestion is still running.
 */
class ReadOnlyIndexTest {
  private static final SearchScope OPS = SearchScope.publicOnly("ops", "us");

  @TempDir Path dir;

  private static LuceneConfig config(Duration commitInterval) {
    return LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel()).commitInterval(commitInterval).build();
  }

  private Path pdf(Path root, int i) throws Exception {
    return pdf(root, i, "ops");
  }

  private Path pdf(Path root, int i, String domain) throws Exception {
    String topic = List.of("firewalls", "backups", "passwords", "audits", "vendors", "training").get(i);
    return TestPdfs.pdf().title("Doc " + i).pages(List.of(
        "Topic " + i + " covers " + topic + " in detail. The " + topic + " policy applies to every office of the agency."))
        .write(root.resolve(domain + "/pdf/us/doc" + i + ".pdf"));
  }

  /** Polls {@code value} for up to {@code seconds} until it reaches {@code atLeast}; returns the last value. */
  private static int await(IntSupplier value, int atLeast, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    int v = value.getAsInt();
    while (v < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(50);
      v = value.getAsInt();
    }
    return v;
  }

  @Test
  void aReaderOpensBesideTheWriterAndSeesItsLaterCommits() throws Exception {
    Path corpus = dir.resolve("corpus");
    pdf(corpus, 0);
    Path index = dir.resolve("index");
    try (LuceneKnowledgeBase writer = LuceneKnowledgeBase.open(index, config(Duration.ofSeconds(5)))) {
      writer.ingest(LocalFolderSource.of(corpus), IngestOptions.publicLibrary(), IngestListener.NONE);
      try (LuceneKnowledgeBase reader = LuceneKnowledgeBase.openReadOnly(index, config(Duration.ofSeconds(5)))) {
        assertThat(reader.readOnly()).isTrue();
        assertThat(writer.readOnly()).isFalse();
        assertThat(reader.documents(Optional.empty())).hasSize(1);
        assertThat(reader.retrieve(new RetrievalRequest("firewalls policy", OPS, 5)).get(0).filename()).isEqualTo("doc0.pdf");

        Organisation acme = Organisation.of("acme");
        assertThat(reader.domainCategories(acme)).hasSize(1); // now cached

        pdf(corpus, 1, "hr");
        writer.ingest(LocalFolderSource.of(corpus), IngestOptions.publicLibrary(), IngestListener.NONE);
        // Asked nothing but the cached filings, the reader still takes up the new commit.
        assertThat(await(() -> reader.domainCategories(acme).size(), 2, 10)).as("filings seen after the commit").isEqualTo(2);
        assertThat(reader.documents(Optional.empty())).hasSize(2);
        assertThat(reader.retrieve(new RetrievalRequest("backups policy", SearchScope.publicOnly("hr", "us"), 5)).get(0)
            .filename()).isEqualTo("doc1.pdf");

        assertThatThrownBy(() -> reader.ingest(LocalFolderSource.of(corpus), IngestOptions.publicLibrary(), IngestListener.NONE))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        assertThatThrownBy(() -> reader.deleteDocument(Optional.empty(), reader.documents(Optional.empty()).get(0).uri()))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        assertThat(reader.documents(Optional.empty())).hasSize(2);
        assertThatThrownBy(() -> LucenePrivateDocuments.of(reader, dir.resolve("uploads")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openReadOnly");
      }
      // Closing the reader left the writer working.
      assertThat(writer.deleteDocument(Optional.empty(), writer.documents(Optional.empty()).get(0).uri())).isTrue();
    }
  }

  @Test
  void aReadOnlyOpenOfNoIndexSaysSoAndCreatesNothing() throws Exception {
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> LuceneKnowledgeBase.openReadOnly(missing, config(Duration.ofSeconds(5))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("no index at " + missing);
    assertThat(missing).doesNotExist();
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> LuceneKnowledgeBase.openReadOnly(empty, config(Duration.ofSeconds(5))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("no index at " + empty);
    try (var files = Files.list(empty)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void writtenDocumentsAreCommittedWithinTheIntervalWhileTheSourceIsSlow() throws Exception {
    Path corpus = dir.resolve("corpus");
    for (int i = 0; i < 5; i++) {
      pdf(corpus, i);
    }
    LocalFolderSource folder = LocalFolderSource.of(corpus);
    CountDownLatch releaseLast = new CountDownLatch(1);
    // Reading the fifth file blocks: the first ones are parsed and written meanwhile, far fewer than batchChunks.
    DocumentSource slow = new DocumentSource() {
      @Override
      public List<SourceDocument> list() throws IOException {
        return folder.list();
      }

      @Override
      public InputStream open(SourceDocument document) throws IOException {
        if (document.filename().equals("doc4.pdf")) {
          try {
            releaseLast.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return folder.open(document);
      }
    };
    Path index = dir.resolve("index");
    LuceneConfig config = config(Duration.ofMillis(200));
    assertThat(config.batchChunks()).isGreaterThan(5);
    try (LuceneKnowledgeBase writer = LuceneKnowledgeBase.open(index, config);
         LuceneKnowledgeBase reader = LuceneKnowledgeBase.openReadOnly(index, config)) {
      CompletableFuture<IngestReport> run = CompletableFuture.supplyAsync(
          () -> writer.ingest(slow, IngestOptions.publicLibrary(), IngestListener.NONE));
      int committedWhileBlocked;
      try {
        committedWhileBlocked = await(() -> reader.documents(Optional.empty()).size(), 1, 15);
      } finally {
        releaseLast.countDown();
      }
      assertThat(committedWhileBlocked).as("documents committed while the source was blocked").isBetween(1, 4);
      assertThat(run.get(60, TimeUnit.SECONDS).documentsIndexed()).isEqualTo(5);
      assertThat(await(() -> reader.documents(Optional.empty()).size(), 5, 10)).isEqualTo(5);
    }
  }
}
