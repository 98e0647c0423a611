package dev.egretta.server;

import static dev.egretta.server.TestServer.ALPHA_KEY;
import static dev.egretta.server.TestServer.json;
import static dev.egretta.server.TestServer.queryBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server refuses what it used to tolerate, each with a status and the JSON error shape. */
class StrictHttpTest {
  private TestServer http;

  @BeforeEach
  void start() {
    http = TestServer.withFakeEngineAndDocuments();
  }

  @AfterEach
  void stop() {
    http.close();
  }

  @Test
  void jsonRoutesNeedAJsonContentType() {
    for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/jsonx"}) {
      HttpResponse<String> r = http.send(http.request("/v1/query/", ALPHA_KEY).header("Content-Type", type)
          .POST(HttpRequest.BodyPublishers.ofString(queryBody("q", false))).build());
      assertThat(r.statusCode()).as(type).isEqualTo(415);
      assertThat(json(r).get("detail").asText()).contains("application/json");
    }
    HttpResponse<String> none = http.send(http.request("/v1/query/", ALPHA_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(queryBody("q", false))).build());
    assertThat(none.statusCode()).isEqualTo(415);
    HttpResponse<String> withCharset = http.send(http.request("/v1/query/", ALPHA_KEY)
        .header("Content-Type", "Application/JSON; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(queryBody("q", false))).build());
    assertThat(withCharset.statusCode()).isEqualTo(200);
    HttpResponse<String> session = http.post("/v1/query/", ALPHA_KEY, queryBody("q", false));
    String id = json(session).get("session_id").asText();
    HttpResponse<String> rename = http.send(http.request("/v1/sessions/" + id + "/rename/", ALPHA_KEY)
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"}")).build());
    assertThat(rename.statusCode()).isEqualTo(415);
  }

  @Test
  void twoAuthorizationHeadersAre400() {
    RawHttp.Response r = RawHttp.exchange(http.server.port(), "GET /v1/models/ HTTP/1.1\r\nHost: x\r\n"
        + "Authorization: Bearer " + ALPHA_KEY + "\r\nAuthorization: Bearer " + TestServer.BETA_KEY
        + "\r\nConnection: close\r\n\r\n");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("\"detail\"").contains("Authorization");
  }

  @Test
  void theHttpServersOwnErrorsUseTheJsonErrorShape() {
    RawHttp.Response longUri = RawHttp.exchange(http.server.port(), "GET /v1/models/?x=" + "a".repeat(20_000)
        + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    RawHttp.Response bigHeaders = RawHttp.exchange(http.server.port(), "GET /v1/models/ HTTP/1.1\r\nHost: x\r\n"
        + "X-Big: " + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
    RawHttp.Response garbage = RawHttp.exchange(http.server.port(), "GARBAGE\u0001 / HTTP/1.1\r\n\r\n");
    RawHttp.Response badVersion = RawHttp.exchange(http.server.port(), "GET / HTTP/7.3\r\nHost: x\r\n\r\n");
    RawHttp.Response noHost = RawHttp.exchange(http.server.port(), "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n");
    assertThat(longUri.status()).isEqualTo(414);
    assertThat(bigHeaders.status()).isEqualTo(431);
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(noHost.status()).isEqualTo(400);
    for (RawHttp.Response r : new RawHttp.Response[] {longUri, bigHeaders, garbage, badVersion, noHost}) {
      assertThat(r.header("Content-Type")).as(r.toString()).startsWith("application/json");
      assertThat(r.body()).as(r.toString()).startsWith("{\"detail\":\"").doesNotContain("<");
    }
  }
}
