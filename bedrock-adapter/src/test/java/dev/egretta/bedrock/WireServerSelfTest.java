package dev.egretta.bedrock;

import static dev.egretta.bedrock.StreamReplies.delta;
import static dev.egretta.bedrock.StreamReplies.keepDeltasFlowing;
import static dev.egretta.bedrock.StreamReplies.stream;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The wire server itself notices a client that hangs up mid-stream (so the cancellation test can fail). */
class WireServerSelfTest {
  @Test
  void noticesAClientThatClosesTheConnectionMidStream() throws Exception {
    try (BedrockWireServer server = new BedrockWireServer()) {
      server.then(stream(delta("a "), keepDeltasFlowing(Duration.ofSeconds(8))));
      try (Socket socket = new Socket("127.0.0.1", server.endpoint().getPort())) {
        OutputStream out = socket.getOutputStream();
        out.write(("POST /model/m/converse-stream HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        assertThat(in.read(new byte[100])).isPositive();
      }
      assertThat(server.awaitClientClosedStream(Duration.ofSeconds(5))).isTrue();
    }
  }
}
