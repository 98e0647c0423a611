package dev.egretta.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.egretta.api.ErrorBody;
import dev.egretta.api.StreamEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer target (issue #15): the SSE framing of streamed answers. Any sequence of {@code delta}
 * and {@code error} events with any text (line breaks, CR, NUL, lone surrogates, {@code event:}
 * look-alikes), interleaved with heartbeat comments as the server sends them, parses back with a
 * standard event-stream parser ({@link SseParser}) into the same events with the same text: no
 * payload can end an event early, forge another event or be cut.
 */
class SseFramingFuzzTest {
  private static final String HEARTBEAT = ": heartbeat\n\n";

  @FuzzTest(maxDuration = "10s")
  void anyEventTextSurvivesTheFraming(FuzzedDataProvider data) throws IOException {
    List<StreamEvent> sent = new ArrayList<>();
    StringBuilder wire = new StringBuilder();
    int count = data.consumeInt(1, 8);
    for (int i = 0; i < count; i++) {
      String text = data.consumeString(200);
      StreamEvent event = data.consumeBoolean() ? new StreamEvent.Delta(text) : new StreamEvent.Error(ErrorBody.of(
          text.isBlank() ? "x" : text));
      sent.add(event);
      wire.append(event.toSse());
      if (data.consumeBoolean()) {
        wire.append(HEARTBEAT);
      }
    }
    List<SseParser.Event> received = new SseParser(new BufferedReader(new StringReader(wire.toString()))).all();
    assertThat(received).hasSameSizeAs(sent);
    for (int i = 0; i < sent.size(); i++) {
      StreamEvent expected = sent.get(i);
      assertThat(received.get(i).type()).isEqualTo(expected.name());
      assertThat(StreamEvent.parse(expected.name(), received.get(i).data())).isEqualTo(expected);
    }
  }
}
