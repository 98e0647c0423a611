package dev.egretta.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.api.Sender;
import dev.egretta.core.session.NewMessage;
import dev.egretta.core.session.StoredMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A document written to attack the page: markup with a script handler and a {@code javascript:}
 * link, which the extractive answer repeats, so they reach the page as model output and as
 * excerpts; and an answer citing a source that does not exist. All must stay inert.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UntrustedTextTest {
  private static final String IMG = "<img src=x onerror=alert(1)>";
  private static final String LINK = "[the vendor checklist](javascript:alert(2))";
  private UiServer ui;

  @BeforeAll
  void start() throws Exception {
    Browser.open(10, 10).close(); // skips the class, saying why, when there is no Chromium
    ui = new UiServer(Map.of("vendor-risk/pdf/us/vendor-access.pdf", List.of(
        "Vendor access review\n\nReviewers check every vendor account each month " + IMG
            + " and revoke unused vendor accounts [Source 9].\n\nRead " + LINK
            + " before every vendor access review of vendor accounts.")));
  }

  @AfterAll
  void stop() {
    if (ui != null) {
      ui.close();
    }
  }

  @Test
  void documentTextAndModelOutputRenderInert() throws Exception {
    try (Browser b = Browser.open(1200, 860)) {
      Page page = new Page(b, ui.url());
      page.enterKey(UiServer.KEY);
      new Select(b.driver.findElement(By.id("domain"))).selectByValue("vendor-risk");
      b.await(d -> !d.findElements(By.cssSelector("#category option[value='us']")).isEmpty());
      page.ask("How often are vendor accounts reviewed, and what must reviewers read?");
      WebElement turn = page.awaitTurns(1).getFirst();

      // The attack did reach the page: the stored answer holds the markup and the link.
      UUID sessionId = UUID.fromString(b.byTestId("session").getAttribute("data-session-id"));
      List<StoredMessage> stored = ui.sessions.messages(UiServer.ORGANISATION, sessionId);
      assertThat(stored.get(1).message().content()).contains(IMG, "javascript:alert(2)");
      assertInert(b);
      // Excerpts are text: the markup shows as the characters the document holds (the excerpt is the
      // passage's evidence sentence, which may be either of the two planted ones).
      assertThat(turn.findElements(By.cssSelector("[data-testid='source'] .excerpt")))
          .anySatisfy(excerpt -> assertThat(excerpt.getText()).containsAnyOf(IMG, LINK));

      // The engine drops citations of sources it did not give; the page must not rely on that. An answer
      // recorded by another writer cites a source that does not exist, beside one that does.
      NewMessage answer = stored.get(1).message();
      ui.sessions.append(UiServer.ORGANISATION, sessionId, List.of(
          NewMessage.user("Who checks them?", answer.modelId(), Instant.now()),
          new NewMessage(Sender.ASSISTANT, "Reviewers check them [Source 1]. " + LINK + " says more [Source 9].",
              answer.modelId(), answer.mode(), answer.sources(), 0, 0, answer.contextQuality(), Instant.now())));
      b.byTestId("session").findElement(By.cssSelector("button.open")).click();
      WebElement last = b.await(d -> {
        List<WebElement> turns = d.findElements(By.cssSelector(".turn"));
        return turns.size() == 2 ? turns.get(1) : null;
      });
      WebElement planted = last.findElement(By.cssSelector("[data-testid='answer']"));
      assertThat(planted.getText()).contains("[Source 9]");
      assertThat(planted.findElements(By.cssSelector("a.cite"))).extracting(WebElement::getText)
          .containsExactly("[Source 1]"); // the forged one stays text
      assertThat(last.findElements(By.cssSelector("[data-testid='source']"))).hasSize(answer.sources().size());
      assertInert(b);
      b.screenshot("untrusted-text");
    }
  }

  /** No dialog opened, no picture or handler made it into the page, no link runs script. */
  private static void assertInert(Browser b) {
    assertThatThrownBy(() -> b.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    assertThat(b.driver.findElements(By.cssSelector("img, [onerror], script:not([src])"))).isEmpty();
    for (WebElement link : b.driver.findElements(By.cssSelector("a"))) {
      String href = link.getDomAttribute("href");
      assertThat(href == null ? "" : href).as("link %s", link.getText()).doesNotContainIgnoringCase("javascript:");
    }
    assertThat(b.driver.findElements(By.xpath("//a[normalize-space()='the vendor checklist']")))
        .allSatisfy(a -> assertThat(a.getDomAttribute("href")).isNull());
  }
}
