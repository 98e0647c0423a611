package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that only read ({@code ask}, {@code domains}, {@code sessions}) work while another
 * instance holds the index's write lock, as a running {@code egretta serve} does, and see what it
 * commits; {@code index} still needs the lock.
 */
class ReadOnlyCommandsTest {
  @TempDir Path dir;

  @Test
  void readingCommandsWorkWhileAWriterHoldsTheIndex() throws Exception {
    Path index = dir.resolve("index");
    String sessions = dir.resolve("sessions.db").toString();
    CliRun built = CliRun.run(dir, "index", DemoFixture.get().corpus().toString(), "--index", index.toString());
    assertThat(built.exitCode()).as(built.err()).isZero();

    try (LuceneKnowledgeBase writer = LuceneKnowledgeBase.open(index)) {
      CliRun locked = CliRun.run(dir, "index", DemoFixture.get().corpus().toString(), "--index", index.toString());
      assertThat(locked.exitCode()).as("a second writer is refused").isEqualTo(Egretta.FAILURE);
      assertThat(locked.err()).contains("already open for writing");

      CliRun ask = CliRun.run(dir, "ask", "--index", index.toString(), "--sessions", sessions, "--domain",
          "business-continuity", "--category", "us", "What is the recovery time objective for payment processing?");
      assertThat(ask.exitCode()).as(ask.err()).isZero();
      assertThat(ask.out()).contains("4 hours").contains("[Source 1]");

      CliRun listed = CliRun.run(dir, "sessions", "--index", index.toString(), "--sessions", sessions, "--json");
      assertThat(listed.exitCode()).as(listed.err()).isZero();
      assertThat(listed.out()).contains("session_id");

      // The writer commits a new domain; a reading command started afterwards lists it.
      Path more = dir.resolve("more");
      Path copy = Files.createDirectories(more.resolve("vendor-management/pdf/us")).resolve("plan.pdf");
      try (var pdfs = Files.walk(DemoFixture.get().corpus())) {
        Files.copy(pdfs.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow(), copy);
      }
      writer.ingest(LocalFolderSource.of(more), IngestOptions.publicLibrary(), IngestListener.NONE);
      CliRun domains = CliRun.run(dir, "domains", "--index", index.toString());
      assertThat(domains.exitCode()).as(domains.err()).isZero();
      assertThat(domains.out()).contains("business-continuity").contains("vendor-management");
    }
  }

  @Test
  void anEmptyIndexFolderIsAOneLineErrorNotAnEmptyIndex() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    CliRun ask = CliRun.run(dir, "ask", "--index", empty.toString(), "--domain", "business-continuity",
        "--category", "us", "question");
    assertThat(ask.exitCode()).isEqualTo(Egretta.FAILURE);
    assertThat(ask.err()).contains("no index at " + empty).doesNotContain("Exception").hasLineCount(1);
    try (var files = Files.list(empty)) {
      assertThat(files).as("a read-only open creates nothing").isEmpty();
    }
  }
}
