package dev.egretta.bedrock;

import static dev.egretta.bedrock.BedrockWireServer.JSON;
import static dev.egretta.bedrock.BedrockWireServer.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * ConverseStream replies for {@link BedrockWireServer}: AWS event-stream messages (headers
 * {@code :message-type}, {@code :event-type} / {@code :exception-type}, {@code :content-type}; JSON
 * payloads) framed with {@code software.amazon.eventstream}, sent as a chunked HTTP body.
 */
final class StreamReplies {
  private StreamReplies() {}

  /** A complete, well-formed stream: the text split into word deltas, then usage. */
  static BedrockWireServer.Reply stream(String text, int inputTokens, int outputTokens) {
    List<Event> events = new ArrayList<>();
    events.add(event("messageStart", JSON.createObjectNode().put("role", "assistant")));
    for (String piece : text.split("(?<= )")) {
      events.add(delta(piece));
    }
    events.add(event("contentBlockStop", JSON.createObjectNode().put("contentBlockIndex", 0)));
    events.add(event("messageStop", JSON.createObjectNode().put("stopReason", "end_turn")));
    events.add(metadata(inputTokens, outputTokens));
    return stream(events.toArray(Event[]::new));
  }

  /** A stream of exactly these events. */
  static BedrockWireServer.Reply stream(Event... events) {
    return (exchange, request) -> {
      exchange.header("Content-Type", "application/vnd.amazon.eventstream");
      exchange.header("x-amzn-RequestId", "test-request");
      exchange.sendHeaders(200, -1);
      for (Event event : events) {
        if (!event.write(exchange)) {
          throw new BedrockWireServer.ClientGone();
        }
      }
    };
  }

  /** One event of a stream, or a pause; returns false when the client has gone away. */
  @FunctionalInterface
  interface Event {
    boolean write(BedrockWireServer.Exchange out) throws IOException, InterruptedException;
  }

  static Event event(String type, JsonNode payload) {
    return frame(Map.of(":message-type", "event", ":event-type", type, ":content-type", "application/json"), payload);
  }

  static Event delta(String text) {
    ObjectNode payload = JSON.createObjectNode().put("contentBlockIndex", 0);
    payload.putObject("delta").put("text", text);
    return event("contentBlockDelta", payload);
  }

  static Event metadata(int inputTokens, int outputTokens) {
    ObjectNode payload = JSON.createObjectNode();
    payload.set("usage", usage(inputTokens, outputTokens));
    payload.putObject("metrics").put("latencyMs", 42);
    return event("metadata", payload);
  }

  /** An exception event inside the stream, e.g. {@code throttlingException}. */
  static Event exception(String exceptionType, String message) {
    return frame(Map.of(":message-type", "exception", ":exception-type", exceptionType,
        ":content-type", "application/json"), JSON.createObjectNode().put("message", message));
  }

  static Event pause(Duration pause) {
    return out -> {
      Thread.sleep(pause.toMillis());
      return true;
    };
  }

  /** Keeps sending deltas every 50 ms for up to {@code max}; stops (returns false) when a write fails. */
  static Event keepDeltasFlowing(Duration max) {
    return out -> {
      long end = System.nanoTime() + max.toNanos();
      while (System.nanoTime() < end) {
        if (!delta("more ").write(out)) {
          return false;
        }
        Thread.sleep(50);
      }
      return true;
    };
  }

  private static Event frame(Map<String, String> headers, JsonNode payload) {
    return out -> {
      Map<String, HeaderValue> values = new LinkedHashMap<>();
      headers.forEach((k, v) -> values.put(k, HeaderValue.fromString(v)));
      try {
        out.write(new Message(values, JSON.writeValueAsBytes(payload)).toByteBuffer().array());
        return true;
      } catch (IOException e) {
        return false;
      }
    };
  }

}
