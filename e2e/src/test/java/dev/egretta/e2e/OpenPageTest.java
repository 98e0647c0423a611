package dev.egretta.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * "Open page N" of a document the server holds on its own disk, whose link is the server's
 * {@code /v1/downloads/<token>/} route (no S3 signer here): the page fetches it with the key and the
 * PDF opens in a new tab at that page; a key of another organisation gets a readable error and no tab.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenPageTest {
  private UiServer ui;

  @BeforeAll
  void start() throws Exception {
    Browser.open(10, 10).close(); // skips the class, saying why, when there is no Chromium
    // Page 1 is longer than a chunk, so that page 2's text is cited as page 2.
    StringBuilder first = new StringBuilder("Backup policy\n\n");
    for (String site : List.of("the head office", "the warehouse", "the branch offices", "the data centre",
        "the disaster recovery site", "the laboratories", "the call centre", "the factory floor")) {
      first.append("Tape media used at ").append(site).append(" are labelled, logged in the media register and "
          + "rotated weekly by the operations team, who sign for each transfer. ");
    }
    ui = new UiServer(Map.of("business-continuity/pdf/us/backup.pdf", List.of(first.toString(),
        "Retention of backup copies\n\nBackup copies of critical data are retained for seven years and encrypted "
            + "at rest. The backup administrator reviews the retention schedule every year.")),
        UnaryOperator.identity(), false);
  }

  @AfterAll
  void stop() {
    if (ui != null) {
      ui.close();
    }
  }

  @Test
  void theCitedPageOfALocalPdfOpensForItsOrganisationOnly() throws Exception {
    try (Browser b = Browser.open(1200, 1000)) {
      Page page = new Page(b, ui.url());
      WebElement turn = page.askFirst(UiServer.KEY, "For how many years are backup copies of critical data retained?");
      WebElement source = turn.findElements(By.cssSelector("[data-testid='source']")).stream()
          .filter(s -> s.getText().contains("page 2")).findFirst()
          .orElseThrow(() -> new AssertionError("no source on page 2 in: " + turn.getText()));
      WebElement open = source.findElement(By.xpath(".//*[normalize-space()='Open page 2']"));
      String home = b.driver.getWindowHandle();

      open.click();
      String tab = b.await(d -> d.getWindowHandles().stream().filter(h -> !h.equals(home)).findFirst().orElse(null));
      b.driver.switchTo().window(tab);
      String blob = "blob:" + ui.server.baseUrl() + "/";
      b.await(d -> d.getCurrentUrl().startsWith(blob) ? Boolean.TRUE : null);
      assertThat(b.driver.getCurrentUrl()).endsWith("#page=2");
      Object type = b.await(d -> b.driver.executeScript("return document.contentType"));
      assertThat(type).isEqualTo("application/pdf");
      Thread.sleep(1500); // the viewer draws the page after the document has loaded
      b.screenshot("open-page-pdf");
      b.driver.close();
      b.driver.switchTo().window(home);

      // The link the page followed: the file for its organisation's key, nothing for another's or none.
      String link = downloadUrl(source.getText());
      HttpResponse<byte[]> own = get(link, UiServer.KEY);
      assertThat(own.statusCode()).isEqualTo(200);
      assertThat(own.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
      assertThat(new String(own.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      assertThat(get(link, UiServer.OTHER_KEY).statusCode()).isEqualTo(404);
      assertThat(get(link, null).statusCode()).isEqualTo(401);

      // The same button under another organisation's key: a sentence, and no tab left open.
      page.enterKey(UiServer.OTHER_KEY);
      open.click();
      assertThat(page.awaitError()).contains("another organisation");
      b.await(d -> d.getWindowHandles().equals(Set.of(home)));
      b.screenshot("open-page-other-organisation");

      // Back to the right key, the session reopened from the sidebar: its messages carry fresh links.
      page.enterKey(UiServer.KEY);
      b.await(d -> !b.allByTestId("session").isEmpty());
      b.driver.findElement(By.id("new-session")).click();
      b.await(d -> d.findElements(By.cssSelector(".turn")).isEmpty());
      b.driver.findElement(By.cssSelector("[data-testid='session'] button.open")).click();
      WebElement reopened = page.awaitTurns(1).getFirst();
      assertThat(reopened.getText()).contains("seven years", "backup.pdf", "page 2");
      reopened.findElement(By.xpath(".//*[normalize-space()='Open page 2']")).click();
      String again = b.await(d -> d.getWindowHandles().stream().filter(h -> !h.equals(home)).findFirst().orElse(null));
      b.driver.switchTo().window(again);
      b.await(d -> d.getCurrentUrl().startsWith(blob) && d.getCurrentUrl().endsWith("#page=2") ? Boolean.TRUE : null);
    }
  }

  /** The {@code download_url} of the answer's source on page 2, as the API gives it to the page's key. */
  private String downloadUrl(String sourceText) throws Exception {
    JsonNode sessions = new ApiClient(ui.server.baseUrl(), UiServer.KEY).get("/v1/sessions/recent/?limit=1");
    String id = sessions.get(0).get("session_id").asText();
    JsonNode messages = new ApiClient(ui.server.baseUrl(), UiServer.KEY).get("/v1/sessions/" + id + "/messages/");
    for (JsonNode s : messages.get(1).get("sources")) {
      if (s.path("page_number").asInt() == 2) {
        String url = s.get("download_url").asText();
        assertThat(url).startsWith(ui.server.baseUrl() + "/v1/downloads/");
        return url;
      }
    }
    throw new AssertionError("no source on page 2 in " + messages + " (the page showed " + sourceText + ")");
  }

  private static HttpResponse<byte[]> get(String url, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
