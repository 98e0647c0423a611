package dev.egretta.server;

import static dev.egretta.server.TestServer.ALPHA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The chat page is served from the jar without a key, under a strict policy; the API still wants one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiTest {
  private TestServer http;

  @BeforeAll
  void start() {
    http = TestServer.withFakeEngineAndDocuments();
  }

  @AfterAll
  void stop() {
    http.close();
  }

  @Test
  void thePageAndItsAssetsNeedNoKeyAndCarryAStrictPolicy() {
    HttpResponse<String> page = http.get("/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(WebUi.CONTENT_SECURITY_POLICY);
    assertThat(WebUi.CONTENT_SECURITY_POLICY).contains("script-src 'self'").doesNotContain("unsafe");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.body()).contains("data-testid=\"api-key\"", "data-testid=\"question\"", "data-testid=\"ask\"",
        "assets/app.js", "assets/app.css");
    // No inline script: everything the page runs comes from the bundled file.
    assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)");
    assertThat(page.body()).doesNotContainPattern("(src|href)=\"(https?:)?//"); // nothing from elsewhere

    HttpResponse<String> script = http.get("/assets/app.js", null);
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(script.body()).contains("DOMPurify", "marked"); // bundled into the one script
    assertThat(http.get("/assets/app.css", null).statusCode()).isEqualTo(200);
  }

  @Test
  void theApiBehindThePageStillNeedsAKey() {
    assertThat(http.get("/v1/domains/", null).statusCode()).isEqualTo(401);
    assertThat(http.get("/v1/sessions/recent/", null).statusCode()).isEqualTo(401);
    assertThat(http.get("/v1/domains/", ALPHA_KEY).statusCode()).isEqualTo(200);
  }

  @Test
  void onlyTheNamedAssetsAreServed() {
    assertThat(http.get("/assets/index.html", null).statusCode()).isEqualTo(404);
    assertThat(http.get("/assets/../WebUi.class", null).statusCode()).isEqualTo(404);
    assertThat(http.get("/dev/egretta/server/webui/app.js", null).statusCode()).isEqualTo(404);
  }
}
