package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The real model's second session (two intra-op threads, for a query when no other model call runs)
 * opens after the second question and gives the same vectors, to the bit, as the one-thread session,
 * alone and under concurrent callers: which session answered must never show in a ranking.
 */
class LoneQuerySessionTest {
  private static final List<String> TEXTS = IntStream.range(0, 12)
      .mapToObj(i -> "How many days after incident " + i + " must the breach report reach the regulator?").toList();

  @Test
  void opensAtTheSecondQuestionAndGivesTheOneThreadSessionsVectors() throws Exception {
    assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one core: every query runs on one thread");
    OnnxBgeEmbedder embedder = OnnxBgeEmbedder.shared();
    embedder.embedQuery("first question");
    embedder.embedQuery("second question");
    for (int i = 0; i < 300 && !embedder.loneQuerySessionOpen(); i++) {
      Thread.sleep(100);
    }
    assertThat(embedder.loneQuerySessionOpen()).as("two-thread session open within 30 s").isTrue();

    // Passages always run on the one-thread session; a lone query now runs on the other.
    List<float[]> oneThread = new ArrayList<>();
    for (String t : TEXTS) {
      oneThread.add(embedder.embedPassages(List.of(t)).getFirst());
    }
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(embedder.embedQuery(TEXTS.get(i))).as(TEXTS.get(i)).containsExactly(oneThread.get(i));
    }

    // Four callers at once: some queries on each session, every vector the same.
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> same = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        same.add(callers.submit(() -> {
          for (int round = 0; round < 3; round++) {
            for (int i = 0; i < TEXTS.size(); i++) {
              if (!java.util.Arrays.equals(embedder.embedQuery(TEXTS.get(i)), oneThread.get(i))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : same) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      callers.shutdownNow();
    }
  }
}
