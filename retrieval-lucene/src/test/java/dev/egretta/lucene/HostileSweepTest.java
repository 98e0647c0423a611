package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.egretta.core.spi.SourceDocument;
import dev.egretta.testsupport.HashingEmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of ../shared/hostile-pdfs goes through full ingestion (cheap hashing embeddings) in
 * one batch, through the public API only: nothing kills, hangs or exhausts the JVM, each file ends
 * indexed, truncated or rejected with a reason, and the well-formed control PDFs of the same batch are
 * indexed. (The bench's {@code HostileSweep} prints the same sweep per category, with timings.)
 */
class HostileSweepTest {
  @TempDir Path dir;

  /** One file's outcome; {@code category} is column 7 of the collection's MANIFEST.tsv. */
  private record Outcome(String path, String category, DocumentOutcome outcome, String detail) {}

  @Test
  void everyHostileFileEndsIndexedTruncatedOrRejectedWithAReason() throws Exception {
    Path hostile = Path.of(System.getProperty("egretta.shared", "../shared"), "hostile-pdfs");
    assumeTrue(Files.isRegularFile(hostile.resolve("MANIFEST.tsv")), "shared data absent: " + hostile + " (skipping the hostile sweep)");
    Map<String, String> categories = new LinkedHashMap<>();
    List<String> manifest = Files.readAllLines(hostile.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
    for (String line : manifest.subList(1, manifest.size())) {
      String[] f = line.split("\t");
      categories.put(hostile.resolve(f[0]).toRealPath().toUri().toString(), f.length > 6 ? f[6] : "unlisted");
    }

    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    LuceneConfig config = LuceneConfig.builder().embeddingModel(new HashingEmbeddingModel()).parseTimeLimit(Duration.ofSeconds(15)).build();
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(dir.resolve("index"), config)) {
      kb.ingest(LocalFolderSource.of(hostile).withDefaults("hostile", "all"), IngestOptions.publicLibrary().withSync(), new IngestListener() {
        @Override
        public void documentFinished(SourceDocument d, DocumentOutcome o, String detail) {
          outcomes.put(d.uri(), new Outcome(d.uri(), categories.getOrDefault(d.uri(), "unlisted"), o, detail));
        }
      });
    }
    outcomes.values().stream().filter(f -> f.outcome() != DocumentOutcome.INDEXED)
        .forEach(f -> System.out.printf("%s\t%s\t%s\t%s%n", f.category(), f.outcome(), f.path(), f.detail()));

    assertThat(parserThreadsStillRunning()).as("no parse keeps running (hangs) after the sweep; still running: "
        + parserStacks()).isZero();
    assertThat(outcomes.keySet()).containsExactlyInAnyOrderElementsOf(categories.keySet());
    assertThat(outcomes.values()).allSatisfy(f -> {
      assertThat(f.outcome()).isIn(EnumSet.of(DocumentOutcome.INDEXED, DocumentOutcome.INDEXED_TRUNCATED, DocumentOutcome.REJECTED));
      if (f.outcome() == DocumentOutcome.REJECTED) {
        assertThat(f.detail()).as(f.path()).isNotBlank();
      }
    });
    // the well-formed controls are indexed; one of them (pdf.js two_pages.pdf) has no text layer at all
    assertThat(outcomes.values()).filteredOn(f -> f.category().equals("control")).allSatisfy(f -> {
      if (f.outcome() != DocumentOutcome.INDEXED) {
        assertThat(f.detail()).as(f.path()).satisfiesAnyOf(
            d -> assertThat(d).startsWith("no extractable text"), d -> assertThat(d).isEqualTo(OcrMode.UNAVAILABLE));
      }
    });
    assertThat(outcomes.values()).filteredOn(f -> f.category().equals("control") && f.outcome() == DocumentOutcome.INDEXED)
        .hasSizeGreaterThanOrEqualTo(13);
    assertThat(outcomes.values()).filteredOn(f -> f.category().equals("not-pdf") || f.category().equals("encrypted") && f.path().contains("PasswordSample"))
        .isNotEmpty().allSatisfy(f -> assertThat(f.outcome()).as(f.path()).isEqualTo(DocumentOutcome.REJECTED));
  }

  /** Where the parser threads still alive are, to name the file and the code that hangs. */
  private static String parserStacks() {
    StringBuilder out = new StringBuilder();
    Thread.getAllStackTraces().forEach((t, stack) -> {
      if (t.getName().equals("egretta-pdf-parse") && t.isAlive()) {
        out.append('\n').append(t.getName());
        java.util.Arrays.stream(stack).limit(25).forEach(f -> out.append("\n  at ").append(f));
      }
    });
    return out.toString();
  }

  /** Parser threads alive after the knowledge base closed, given up to two seconds to finish. */
  private static long parserThreadsStillRunning() throws InterruptedException {
    long running = 0;
    for (int attempt = 0; attempt < 20; attempt++) {
      running = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().equals("egretta-pdf-parse") && t.isAlive()).count();
      if (running == 0) {
        break;
      }
      Thread.sleep(100);
    }
    return running;
  }
}
