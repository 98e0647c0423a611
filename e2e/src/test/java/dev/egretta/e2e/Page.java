package dev.egretta.e2e;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The chat page's steps, through the data-testid hooks a person's actions reach. */
final class Page {
  private final Browser b;

  Page(Browser b, String url) {
    this.b = b;
    b.driver.get(url);
  }

  /** Enters the key as a person would (type, Enter) and waits until the pickers are filled or an error shows. */
  void enterKey(String key) {
    WebElement field = b.byTestId("api-key");
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), key, Keys.ENTER);
    b.await(d -> !d.findElements(By.cssSelector("#category option")).isEmpty()
        || d.findElement(By.id("error")).isDisplayed());
  }

  void ask(String question) {
    b.byTestId("question").sendKeys(question);
    b.byTestId("ask").click();
  }

  /** Enters the key, asks a first question and returns its turn once the answer is complete. */
  WebElement askFirst(String key, String question) {
    enterKey(key);
    ask(question);
    return awaitTurns(1).getFirst();
  }

  /** Waits until {@code count} answers are complete (each has its usage line) and returns the turns. */
  List<WebElement> awaitTurns(int count) {
    return b.await(d -> {
      List<WebElement> done = d.findElements(By.cssSelector(".turn .meta"));
      return done.size() >= count ? d.findElements(By.cssSelector(".turn")) : null;
    });
  }

  /** The sidebar entry of the open session. */
  WebElement awaitCurrentSession() {
    return b.await(d -> d.findElements(By.cssSelector("[data-testid='session']:has(> [aria-current])")).stream()
        .findFirst().orElse(null));
  }

  String awaitError() {
    return b.await(d -> {
      WebElement error = d.findElement(By.id("error"));
      return error.isDisplayed() && !error.getText().isBlank() ? error.getText() : null;
    });
  }

  /** Records the answer's text length at each change while it is still streaming (aria-busy). */
  void watchAnswerGrow() {
    b.driver.executeScript("""
        window.__growth = [];
        new MutationObserver(() => {
          const a = document.querySelector('[data-testid=answer][aria-busy=true]');
          const n = a ? a.textContent.length : -1;
          if (n > 0 && window.__growth[window.__growth.length - 1] !== n) window.__growth.push(n);
        }).observe(document.getElementById('conversation'), {subtree: true, childList: true, characterData: true});
        """);
  }

  /** The distinct lengths seen by {@link #watchAnswerGrow}. */
  @SuppressWarnings("unchecked")
  List<Long> growth() {
    return (List<Long>) b.driver.executeScript("return window.__growth");
  }
}
