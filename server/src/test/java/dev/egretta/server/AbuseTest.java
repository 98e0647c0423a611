package dev.egretta.server;

import static dev.egretta.server.TestServer.ALPHA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile HTTP input against a real server on a socket: malformed and deeply nested JSON, invalid
 * UTF-8, oversized, slow and truncated bodies, bad headers, odd paths, ids and methods, broken
 * multipart, dropped streams. For each: no 500, no stack trace in the body, a JSON error body when
 * there is a body, and the server still answers a normal request afterwards. At the end, no SEVERE
 * record or stack trace in the log. Runs in a few seconds (CI).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbuseTest {
  private static final String AUTH = "Authorization: Bearer " + ALPHA_KEY + "\r\n";
  private static final String JSON = "Content-Type: application/json\r\n";
  private LogCapture log;
  private TestServer http;
  private int port;

  @BeforeAll
  void start() {
    log = new LogCapture();
    FakeEngine engine = new FakeEngine();
    engine.pauseBetweenDeltasMillis = 50;
    http = new TestServer(engine, b -> b.noRateLimit().privateDocuments(new InMemoryDocuments())
        .idleTimeout(Duration.ofMillis(600)).maxBodyBytes(64 * 1024).maxUploadBytes(64 * 1024));
    port = http.server.port();
  }

  @AfterAll
  void stop() {
    http.close();
    log.close();
  }

  /** One hostile request: raw bytes, and whether the server may just close the connection instead of answering. */
  private record Attack(String name, byte[] bytes, boolean mayClose) {
    static Attack of(String name, String request) {
      return new Attack(name, request.getBytes(StandardCharsets.UTF_8), false);
    }

    static Attack closing(String name, String request) {
      return new Attack(name, request.getBytes(StandardCharsets.ISO_8859_1), true);
    }
  }

  private static String post(String path, String headers, String body) {
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + headers + "Content-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
  }

  private static String get(String path, String headers) {
    return "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + headers + "Connection: close\r\n\r\n";
  }

  private static byte[] postBytes(String path, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: x\r\n" + AUTH + JSON + "Content-Length: " + body.length
        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static String multipart(String boundaryHeader, String body) {
    return post("/v1/knowledge-base/documents/", AUTH + "Content-Type: multipart/form-data" + boundaryHeader + "\r\n", body);
  }

  private static List<Attack> attacks() {
    List<Attack> a = new ArrayList<>();
    String q = "/v1/query/";
    for (String body : List.of("{", "{\"query\":", "nul", "[]", "{\"query\":\"q\",}", "\"text\"", "{}{}", "1e999999",
        "{\"query\":{\"$gt\":\"\"},\"domain\":[],\"category\":null,\"mode\":7}", "{\"query\":\"\\ud800\",\"domain\":\"d\","
            + "\"category\":\"c\",\"mode\":\"auto\"}", "{\"session_id\":123,\"query\":\"q\",\"domain\":\"d\",\"category\":\"c\","
            + "\"mode\":\"auto\"}", "{\"query\":\"q\",\"domain\":\"d\",\"category\":\"c\",\"mode\":\"auto\",\"session_id\":\""
            + "x".repeat(5000) + "\"}")) {
      a.add(Attack.of("json " + body.substring(0, Math.min(30, body.length())), post(q, AUTH + JSON, body)));
    }
    a.add(Attack.of("nested arrays", post(q, AUTH + JSON, "[".repeat(50_000))));
    a.add(Attack.of("nested objects", post(q, AUTH + JSON, "{\"a\":".repeat(20_000))));
    a.add(Attack.of("rename nested", post("/v1/sessions/" + java.util.UUID.randomUUID() + "/rename/", AUTH + JSON,
        "{\"title\":" + "[".repeat(10_000))));
    byte[] badUtf8 = "{\"query\":\"ab\",\"domain\":\"d\",\"category\":\"c\",\"mode\":\"auto\"}".getBytes(StandardCharsets.UTF_8);
    for (byte[] junk : new byte[][] {{(byte) 0xff, (byte) 0xfe}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0,
        (byte) 0x80}, {(byte) 0xe2, (byte) 0x82}}) {
      byte[] body = new byte[badUtf8.length + junk.length];
      System.arraycopy(badUtf8, 0, body, 0, 11);
      System.arraycopy(junk, 0, body, 11, junk.length);
      System.arraycopy(badUtf8, 11, body, 11 + junk.length, badUtf8.length - 11);
      a.add(new Attack("invalid utf-8 " + junk.length, postBytes(q, body), false));
    }
    a.add(Attack.of("declared oversize", "POST " + q + " HTTP/1.1\r\nHost: x\r\n" + AUTH + JSON
        + "Content-Length: 999999999\r\nConnection: close\r\n\r\n{\"query\":"));
    a.add(Attack.of("sent oversize", post(q, AUTH + JSON, "{\"query\":\"" + "a".repeat(100_000) + "\"}")));
    a.add(Attack.of("chunked oversize", "POST " + q + " HTTP/1.1\r\nHost: x\r\n" + AUTH + JSON
        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + ("4000\r\n" + "a".repeat(0x4000) + "\r\n").repeat(6)
        + "0\r\n\r\n"));
    a.add(Attack.closing("bad chunk size", "POST " + q + " HTTP/1.1\r\nHost: x\r\n" + AUTH + JSON
        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"));
    a.add(Attack.of("negative length", "POST " + q + " HTTP/1.1\r\nHost: x\r\n" + AUTH + JSON
        + "Content-Length: -5\r\nConnection: close\r\n\r\n"));
    a.add(Attack.of("non-numeric length", "POST " + q + " HTTP/1.1\r\nHost: x\r\n" + AUTH + JSON
        + "Content-Length: abc\r\nConnection: close\r\n\r\n"));
    a.add(Attack.of("two lengths", "POST " + q + " HTTP/1.1\r\nHost: x\r\n" + AUTH + JSON
        + "Content-Length: 2\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{}"));
    a.add(Attack.closing("length and chunked", "POST " + q + " HTTP/1.1\r\nHost: x\r\n" + AUTH + JSON
        + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n"));
    a.add(Attack.of("header without colon", "GET /v1/models/ HTTP/1.1\r\nHost: x\r\n" + AUTH + "NoColonHere\r\n"
        + "Connection: close\r\n\r\n"));
    a.add(Attack.closing("control char in header", "GET /v1/models/ HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n" + AUTH
        + "Connection: close\r\n\r\n"));
    a.add(Attack.of("huge header", get("/v1/models/", AUTH + "X-Big: " + "b".repeat(40_000) + "\r\n")));
    a.add(Attack.of("huge key", get("/v1/models/", "Authorization: Bearer " + "k".repeat(7_000) + "\r\n")));
    a.add(Attack.of("basic auth", get("/v1/models/", "Authorization: Basic YTpi\r\n")));
    a.add(Attack.of("bearer only", get("/v1/models/", "Authorization: Bearer\r\n")));
    a.add(Attack.of("two keys", get("/v1/models/", AUTH + AUTH)));
    a.add(Attack.of("wrong content type", post(q, AUTH + "Content-Type: text/xml\r\n", "<query/>")));
    a.add(Attack.of("json for upload", post("/v1/knowledge-base/documents/", AUTH + JSON, "{}")));
    for (String path : List.of("/v1/sessions/../../etc/passwd/messages/", "/%00", "/v1/sessions/%2e%2e/messages/",
        "/v1/knowledge-base/documents/%00/", "//v1//query", "/v1/sessions/" + "a".repeat(5000) + "/messages/",
        "/v1/domains/%ff/categories/", "/v1/domains/..%2f..%2f/categories/", "/v1/sessions/%7B00000000-0000-0000-0000-"
            + "000000000000%7D/messages/", "/v1/sessions/00000000-0000-0000-0000-000000000000/messages/",
        "/v1/domains/%E2%80%AE/categories/", "/v1/sessions/recent/?limit=-1", "/v1/sessions/recent/?limit=1e9",
        "/v1/sessions/recent/?limit=%00", "/v1/sessions/recent/?limit=1&limit=2", "/v1/knowledge-base/documents/..%5c..%5c/",
        "/v1/%", "/health?%zz", "*")) {
      a.add(Attack.of("path " + path.substring(0, Math.min(40, path.length())), get(path, AUTH)));
    }
    for (String method : List.of("PUT", "PATCH", "TRACE", "OPTIONS", "DELETE", "FOO")) {
      a.add(Attack.of("method " + method, method + " /v1/query/ HTTP/1.1\r\nHost: x\r\n" + AUTH
          + "Content-Length: 0\r\nConnection: close\r\n\r\n"));
    }
    a.add(Attack.of("get query", get(q, AUTH)));
    a.add(Attack.of("no host", "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n"));
    a.add(Attack.of("http 1.0", "GET /v1/models/ HTTP/1.0\r\n" + AUTH + "\r\n"));
    a.add(Attack.closing("http2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
    a.add(Attack.of("garbage line", "\u0016\u0003\u0001 hello\r\n\r\n"));
    a.add(Attack.of("long uri", get("/v1/models/?" + "x".repeat(30_000), AUTH)));
    String bound = "zz";
    String part = "--zz\r\nContent-Disposition: form-data; name=\"domain\"\r\n\r\nbusiness-continuity\r\n"
        + "--zz\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nus\r\n";
    a.add(Attack.of("multipart no boundary", multipart("", part)));
    a.add(Attack.of("multipart wrong boundary", multipart("; boundary=other", part)));
    a.add(Attack.of("multipart unterminated", multipart("; boundary=" + bound, part
        + "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7")));
    a.add(Attack.of("multipart nul name", multipart("; boundary=" + bound, part
        + "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000.pdf\"\r\n\r\n%PDF-1.7\r\n--zz--\r\n")));
    a.add(Attack.of("multipart traversal name", multipart("; boundary=" + bound, part
        + "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../../etc/x.pdf\"\r\n\r\n%PDF-1.7\r\n--zz--\r\n")));
    a.add(Attack.of("multipart huge name", multipart("; boundary=" + bound, part
        + "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + "n".repeat(6000) + ".pdf\"\r\n\r\n%PDF-1.7"
        + "\r\n--zz--\r\n")));
    a.add(Attack.of("multipart odd slugs", multipart("; boundary=" + bound,
        "--zz\r\nContent-Disposition: form-data; name=\"domain\"\r\n\r\n../..\r\n--zz\r\nContent-Disposition: form-data; "
            + "name=\"category\"\r\n\r\n\u202Eus\r\n--zz\r\nContent-Disposition: form-data; name=\"file\"; "
            + "filename=\"a.pdf\"\r\n\r\n%PDF-1.7\r\n--zz--\r\n")));
    return a;
  }

  @TestFactory
  List<DynamicTest> hostileRequestsNeverGet500AndTheServerStaysResponsive() {
    return attacks().stream().map(attack -> DynamicTest.dynamicTest(attack.name(), () -> {
      RawHttp.Response r;
      try {
        r = RawHttp.exchange(port, attack.bytes(), 5_000);
      } catch (UncheckedIOException e) {
        assertThat(attack.mayClose()).as(attack.name() + ": closed without an answer: " + e.getCause()).isTrue();
        r = null;
      }
      if (r != null) {
        assertThat(r.status()).as(attack.name()).isBetween(200, 499);
        assertNoInternals(attack.name(), r);
      }
      assertResponsive();
    })).toList();
  }

  @Test
  void slowTruncatedAndDroppedConnectionsLeaveTheServerResponsive() throws Exception {
    // a body that stalls: 408
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5_000);
      s.getOutputStream().write(("POST /v1/query/ HTTP/1.1\r\nHost: x\r\n" + AUTH + JSON
          + "Content-Length: 400\r\n\r\n{\"query\":").getBytes(StandardCharsets.UTF_8));
      RawHttp.Response r = RawHttp.read(s.getInputStream());
      assertThat(r.status()).isEqualTo(408);
      assertNoInternals("slow body", r);
    }
    // a body that stops: 400
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5_000);
      s.getOutputStream().write(("POST /v1/query/ HTTP/1.1\r\nHost: x\r\n" + AUTH + JSON
          + "Content-Length: 400\r\n\r\n{\"query\":").getBytes(StandardCharsets.UTF_8));
      s.shutdownOutput();
      RawHttp.Response r = RawHttp.read(s.getInputStream());
      assertThat(r.status()).isEqualTo(400);
      assertNoInternals("truncated body", r);
    }
    // headers that never end, and a connection opened and dropped
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.getOutputStream().write("GET /v1/models/ HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      Thread.sleep(800);
    }
    new Socket("127.0.0.1", port).close();
    // an upload that stops half-way
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5_000);
      s.getOutputStream().write(("POST /v1/knowledge-base/documents/ HTTP/1.1\r\nHost: x\r\n" + AUTH
          + "Content-Type: multipart/form-data; boundary=zz\r\nContent-Length: 5000\r\n\r\n--zz\r\nContent-Disposition: "
          + "form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7").getBytes(StandardCharsets.UTF_8));
      s.shutdownOutput();
      RawHttp.Response r = RawHttp.read(s.getInputStream());
      assertThat(r.status()).isBetween(400, 499);
      assertNoInternals("truncated upload", r);
    }
    // streams dropped after the first event, several at once
    for (int i = 0; i < 4; i++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        s.setSoTimeout(5_000);
        String body = TestServer.queryBody("q", true);
        s.getOutputStream().write(post("/v1/query/", AUTH + JSON, body).getBytes(StandardCharsets.UTF_8));
        InputStream in = s.getInputStream();
        byte[] first = in.readNBytes(200);
        assertThat(new String(first, StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");
      }
    }
    assertResponsive();
    assertThat(log.problems()).as("SEVERE log records or stack traces").isEmpty();
  }

  @AfterAll
  void noSevereLogRecords() {
    assertThat(log.problems()).as("SEVERE log records or stack traces").isEmpty();
  }

  private static void assertNoInternals(String name, RawHttp.Response r) {
    assertThat(r.body()).as(name).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.")
        .doesNotContain("jetty").doesNotContain("<html").doesNotContain("<h1>");
    if (r.status() >= 400 && !r.body().isEmpty()) {
      assertThat(r.header("Content-Type")).as(name + ": " + r.body()).startsWith("application/json");
      assertThat(r.body()).as(name).startsWith("{\"");
    }
  }

  private void assertResponsive() {
    RawHttp.Response health = RawHttp.exchange(port, get("/v1/models/", AUTH));
    assertThat(health.status()).isEqualTo(200);
  }
}
