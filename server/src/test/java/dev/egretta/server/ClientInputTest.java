package dev.egretta.server;

import static dev.egretta.server.TestServer.ALPHA_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Client input that once made the server answer 500 and log a stack trace: each is a 4xx now. */
class ClientInputTest {
  private static final String AUTH = "Authorization: Bearer " + ALPHA_KEY + "\r\n";
  private TestServer http;
  private LogCapture log;

  @BeforeEach
  void start() {
    log = new LogCapture();
    http = new TestServer(new FakeEngine(),
        b -> b.noRateLimit().privateDocuments(new InMemoryDocuments()).idleTimeout(Duration.ofMillis(700)));
  }

  @AfterEach
  void stop() {
    http.close();
    log.close();
    assertThat(log.problems()).as("SEVERE log records or stack traces").isEmpty();
  }

  @Test
  void anUploadFilenameWithANulCharacterIs400() {
    String boundary = "b0undary";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"domain\"\r\n\r\nbusiness-continuity\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nus\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n\r\n--" + boundary + "--\r\n";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    RawHttp.Response r = RawHttp.exchange(http.server.port(), ("POST " + DocumentRoutes.PATH + " HTTP/1.1\r\nHost: x\r\n"
        + AUTH + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + bytes.length
        + "\r\nConnection: close\r\n\r\n" + body));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("\"detail\"").contains("file names");
  }

  @Test
  void aBodyThatStopsEarlyIs400() throws Exception {
    RawHttp.Response r = partialQueryBody(true);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("\"detail\"");
  }

  @Test
  void aBodyThatArrivesTooSlowlyIs408() throws Exception {
    RawHttp.Response r = partialQueryBody(false);
    assertThat(r.status()).isEqualTo(408);
    assertThat(r.body()).contains("\"detail\"");
  }

  /** Sends 12 of 500 declared body bytes, then closes its side ({@code stop}) or just waits. */
  private RawHttp.Response partialQueryBody(boolean stop) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", http.server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/query/ HTTP/1.1\r\nHost: x\r\n" + AUTH + "Content-Type: application/json\r\n"
          + "Content-Length: 500\r\n\r\n{\"query\":\"q\"").getBytes(StandardCharsets.UTF_8));
      out.flush();
      if (stop) {
        socket.shutdownOutput();
      }
      return RawHttp.read(socket.getInputStream());
    }
  }
}
