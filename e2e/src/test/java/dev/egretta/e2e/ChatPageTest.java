package dev.egretta.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * A person's path through the page in real headless Chromium against a real server: key, question,
 * the answer streaming in with its cited pages, a follow-up in the same session, rename, delete;
 * insufficient context and errors shown as such; the page usable at 360 px.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatPageTest {
  private static final String QUESTION = "How many copies of critical data must be kept?";
  private UiServer ui;
  private ApiClient api;

  @BeforeAll
  void start() throws Exception {
    Browser.open(10, 10).close(); // skips the class, saying why, when there is no Chromium
    ui = new UiServer(Map.of(
        "business-continuity/pdf/us/backup.pdf", List.of(
            "Backup policy\n\nOrganisations must keep three copies of critical data, on two different media, with one "
                + "copy stored offsite. Backups are tested every quarter by restoring a sample of files.",
            "Retention of backup copies\n\nBackup copies of critical data are retained for seven years and encrypted "
                + "at rest. The backup administrator reviews the retention schedule every year."),
        "business-continuity/pdf/us/incident.pdf", List.of(
            "Incident response\n\nSecurity incidents must be reported to the incident response team within one hour "
                + "of discovery. The team classifies the incident and notifies affected parties.")));
    api = new ApiClient(ui.server.baseUrl(), UiServer.KEY);
  }

  @AfterAll
  void stop() {
    if (ui != null) {
      ui.close();
    }
  }

  @Test
  @Order(1) // first, so that its screenshots show its session alone
  void askFollowUpRenameAndDeleteInOneSession() throws Exception {
    try (Browser b = Browser.open(1200, 1000)) {
      Page page = new Page(b, ui.url());
      page.enterKey(UiServer.KEY);
      page.watchAnswerGrow();
      b.byTestId("question").sendKeys(QUESTION, Keys.ENTER); // the keyboard alone asks
      WebElement first = page.awaitTurns(1).getFirst();

      assertThat(page.growth()).as("answer lengths seen while streaming").hasSizeGreaterThanOrEqualTo(3);
      WebElement answer = first.findElement(By.cssSelector("[data-testid='answer']"));
      assertThat(answer.getText()).contains("three copies of critical data");
      List<WebElement> sources = first.findElements(By.cssSelector("[data-testid='source']"));
      assertThat(sources).isNotEmpty();
      assertThat(sources.getFirst().getText()).contains("backup.pdf", "page 1", "score");
      WebElement open = sources.getFirst().findElement(By.linkText("Open page 1"));
      assertThat(open.getDomAttribute("href")).isEqualTo(UiServer.DOWNLOADS + "backup.pdf?signature=e2e#page=1");
      b.screenshot("chat-answer");
      List<WebElement> cites = answer.findElements(By.cssSelector("a.cite"));
      assertThat(cites).isNotEmpty();
      String target = cites.getFirst().getAttribute("href");
      assertThat(target).matches(".*#t\\d+-source-[1-" + sources.size() + "]$");
      cites.getFirst().click();
      assertThat(b.driver.getCurrentUrl()).endsWith(target.substring(target.indexOf('#')));
      assertThat(first.findElement(By.cssSelector(".meta")).getText()).contains(" s");

      // Other tests share the server: this page's session is the sidebar entry marked current.
      String sessionId = page.awaitCurrentSession().getAttribute("data-session-id");
      int sessionCount = b.allByTestId("session").size();
      List<WebElement> suggestions = b.allByTestId("suggestion");
      assertThat(suggestions).isNotEmpty();
      String followUp = suggestions.getFirst().getText();
      suggestions.getFirst().click();
      WebElement second = page.awaitTurns(2).get(1);
      assertThat(second.findElement(By.cssSelector(".question")).getText()).isEqualTo(followUp);
      b.screenshot("chat-follow-up");
      JsonNode messages = api.get("/v1/sessions/" + sessionId + "/messages/");
      assertThat(messages).hasSize(4); // both questions and answers, one session
      assertThat(messages.get(2).get("content").asText()).isEqualTo(followUp);
      assertThat(b.allByTestId("session")).hasSize(sessionCount);

      page.awaitCurrentSession().findElement(By.cssSelector("button[aria-label^='Rename']")).click();
      WebElement title = b.driver.findElement(By.cssSelector("[data-testid='session'] form.rename input"));
      title.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Backup questions", Keys.ENTER);
      b.await(d -> page.awaitCurrentSession().getText().contains("Backup questions"));
      assertThat(titleOf(sessionId)).isEqualTo("Backup questions");
      b.screenshot("chat-renamed");

      page.awaitCurrentSession().findElement(By.cssSelector("button[aria-label^='Delete']")).click();
      b.driver.switchTo().alert().accept();
      b.await(d -> b.allByTestId("session").size() == sessionCount - 1);
      assertThat(titleOf(sessionId)).isNull();
      assertThat(b.driver.findElements(By.cssSelector(".turn"))).isEmpty(); // the open session went with it
    }
  }

  /** The session's title in the recent list, or null when it is not there. */
  private String titleOf(String sessionId) throws Exception {
    for (JsonNode session : api.get("/v1/sessions/recent/?limit=100")) {
      if (session.get("session_id").asText().equals(sessionId)) {
        return session.get("title").asText();
      }
    }
    return null;
  }

  @Test
  void aQuestionTheDocumentsCannotAnswerIsShownAsInsufficient() throws Exception {
    try (Browser b = Browser.open(1200, 860)) {
      WebElement turn = new Page(b, ui.url())
          .askFirst(UiServer.KEY, "What is the best recipe for sourdough bread with rye flour?");
      assertThat(turn.findElements(By.cssSelector("[data-testid='insufficient']"))).hasSize(1);
      assertThat(turn.findElements(By.cssSelector("[data-testid='answer']"))).isEmpty();
      assertThat(turn.getText()).contains("Not enough in the documents");
      b.screenshot("insufficient");
    }
  }

  @Test
  void aNearTopicQuestionIsRefusedWithItsClosestPassagesShownAsSuch() throws Exception {
    try (Browser b = Browser.open(1200, 860)) {
      // the incident passage is about notifying affected parties but gives no deadline for it
      WebElement turn = new Page(b, ui.url())
          .askFirst(UiServer.KEY, "How many days after discovery must affected parties be notified of an incident?");
      assertThat(turn.findElements(By.cssSelector("[data-testid='insufficient']"))).hasSize(1);
      assertThat(turn.findElement(By.cssSelector("section.sources h3")).getText())
          .isEqualTo("Closest passages (none answers the question)");
      List<WebElement> sources = turn.findElements(By.cssSelector("[data-testid='source']"));
      assertThat(sources).isNotEmpty().allSatisfy(s -> assertThat(s.getText()).contains("Partially Relevant"));
      assertThat(sources.getFirst().getText()).contains("incident.pdf");
      b.screenshot("insufficient-closest");
    }
  }

  @Test
  void errorsAreReadableSentences() throws Exception {
    try (Browser b = Browser.open(1200, 860)) {
      Page page = new Page(b, ui.url());
      page.enterKey("egret_not-a-key");
      assertThat(page.awaitError()).contains("API key was not accepted");

      page.enterKey(UiServer.KEY);
      b.await(d -> !b.driver.findElement(By.id("error")).isDisplayed());
      // Over the 1 MiB body limit: the server refuses with 413 before reading it all.
      b.driver.executeScript("arguments[0].value = 'why '.repeat(300000)", b.byTestId("question"));
      b.byTestId("ask").click();
      assertThat(page.awaitError()).contains("question is too long");
      b.screenshot("error-413");

      ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
      offline.setOffline(true);
      b.driver.setNetworkConditions(offline);
      b.driver.executeScript("arguments[0].value = 'Who approves the backup policy?'", b.byTestId("question"));
      b.byTestId("ask").click();
      b.await(d -> page.awaitError().contains("Cannot reach the Egretta server"));
      b.driver.deleteNetworkConditions();
    }
  }

  @Test
  void everyControlIsNamedForScreenReadersAndReachedByTheKeyboard() throws Exception {
    try (Browser b = Browser.open(1200, 1000)) {
      Page page = new Page(b, ui.url());
      page.enterKey(UiServer.KEY);
      b.byTestId("question").sendKeys(QUESTION, Keys.ENTER);
      page.awaitTurns(1);
      List<WebElement> controls = b.driver.findElements(By.cssSelector("a[href], button, input, select, textarea"))
          .stream().filter(WebElement::isEnabled).toList();
      assertThat(controls).hasSizeGreaterThan(10);
      for (WebElement control : controls) {
        assertThat(control.getAccessibleName()).as("accessible name of " + control.getDomProperty("outerHTML"))
            .isNotBlank();
      }
      // Tab from the top: every control takes the focus in turn (twice round, wherever the focus starts).
      b.driver.executeScript("document.activeElement.blur()");
      java.util.Set<WebElement> reached = new java.util.HashSet<>();
      for (int i = 0; i < 2 * controls.size() + 10; i++) {
        b.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        reached.add(b.driver.switchTo().activeElement());
      }
      assertThat(reached).as("controls the Tab key reaches").containsAll(controls);
    }
  }

  @Test
  void usableAt360PixelsWide() throws Exception {
    try (Browser b = Browser.open(360, 780)) {
      Page page = new Page(b, ui.url());
      page.enterKey(UiServer.KEY);
      page.ask(QUESTION);
      page.awaitTurns(1);
      Long overflow = (Long) b.driver.executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0L);
      for (String id : List.of("api-key", "question", "ask", "answer")) {
        assertThat(b.byTestId(id).isDisplayed()).as(id).isTrue();
      }
      b.screenshot("narrow-360");
    }
  }
}
