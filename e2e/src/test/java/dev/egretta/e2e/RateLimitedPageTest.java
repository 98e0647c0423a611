package dev.egretta.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Over the organisation's rate limit the page says so, and when to try again (429, Retry-After). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitedPageTest {
  private UiServer ui;

  @BeforeAll
  void start() throws Exception {
    Browser.open(10, 10).close(); // skips the class, saying why, when there is no Chromium
    // Two requests per ten minutes: the page's first two calls (domains, models) pass, the third is refused.
    ui = new UiServer(Map.of("business-continuity/pdf/us/plan.pdf", List.of("Contingency plan\n\nThe CIO approves "
        + "the contingency plan every year.")), b -> b.rateLimit(2, Duration.ofMinutes(10)));
  }

  @AfterAll
  void stop() {
    if (ui != null) {
      ui.close();
    }
  }

  @Test
  void tooManyRequestsIsASentenceWithTheWait() throws Exception {
    try (Browser b = Browser.open(1200, 860)) {
      Page page = new Page(b, ui.url());
      page.enterKey(UiServer.KEY);
      assertThat(page.awaitError()).matches("Too many requests right now\\. Try again in \\d+ (s|min)\\..*");
      b.screenshot("error-429");
    }
  }
}
