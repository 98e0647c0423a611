package dev.egretta.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SecondSessionTriggerTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void questionsWithinTheDelayOfTheFirstNeverFire() {
    SecondSessionTrigger trigger = new SecondSessionTrigger(SECOND);
    long start = 5_000;
    // A one-off command: the question, then the answer's checks and suggestions, all within 0.3 s.
    for (long t = start; t < start + 300_000_000L; t += 10_000_000L) {
      assertThat(trigger.fires(t)).as("at %d ns", t - start).isFalse();
    }
  }

  @Test
  void theFirstQuestionAfterTheDelayFiresOnceAndNoLaterOne() {
    SecondSessionTrigger trigger = new SecondSessionTrigger(SECOND);
    assertThat(trigger.fires(-7 * SECOND)).isFalse();
    assertThat(trigger.fires(-6 * SECOND - 1)).as("just short of the delay").isFalse();
    assertThat(trigger.fires(-6 * SECOND)).as("the delay after the first").isTrue();
    assertThat(trigger.fires(-5 * SECOND)).isFalse();
    assertThat(trigger.fires(100 * SECOND)).isFalse();
  }

  @Test
  void aFirstQuestionAtTimeZeroStillCounts() {
    SecondSessionTrigger trigger = new SecondSessionTrigger(SECOND);
    assertThat(trigger.fires(0)).isFalse();
    assertThat(trigger.fires(SECOND / 2)).isFalse();
    assertThat(trigger.fires(SECOND + 1)).isTrue();
  }

  @Test
  void concurrentLateQuestionsFireExactlyOnce() throws Exception {
    SecondSessionTrigger trigger = new SecondSessionTrigger(SECOND);
    trigger.fires(1);
    AtomicInteger fired = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        all.add(pool.submit(() -> {
          for (int i = 0; i < 1_000; i++) {
            if (trigger.fires(2 * SECOND + i)) {
              fired.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fired).hasValue(1);
  }

  @Test
  void aNegativeDelayIsRefused() {
    assertThatThrownBy(() -> new SecondSessionTrigger(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delayNanos");
  }
}
