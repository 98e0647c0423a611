package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;

/**
 * Jazzer target (issue #15): PDF text extraction as ingestion runs it ({@link TextExtractor},
 * the same limits as {@link LuceneConfig}'s defaults but a shorter time limit). Any bytes give
 * pages of text or a {@link RejectedException} naming why, never another exception or error, and
 * within the time limit plus the extractor's grace. Fuzzing starts from the hostile PDFs of
 * {@code ../shared/hostile-pdfs} ({@code bench/reliability.sh fuzz} copies them into the corpus);
 * {@code HostileSweepTest} replays all of them through ingestion in every build.
 */
class PdfExtractionFuzzTest {
  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final TextExtractor EXTRACTOR = new TextExtractor(LIMIT, 1_000_000);

  @FuzzTest(maxDuration = "10s")
  void anyBytesGiveTextOrARejection(byte[] pdf) {
    long start = System.nanoTime();
    try {
      ExtractedText text = EXTRACTOR.extract(pdf);
      assertThat(text.pages()).isNotEmpty().doesNotContainNull();
      assertThat(text.pages().stream().mapToLong(String::length).sum()).isLessThanOrEqualTo(1_000_000 + 10_000);
    } catch (RejectedException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LIMIT.plusSeconds(3));
  }
}
