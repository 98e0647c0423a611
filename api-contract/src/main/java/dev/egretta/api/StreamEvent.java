package dev.egretta.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One Server-Sent Event of a streamed query; see the package documentation for the vocabulary.
 * {@link #toSse()} renders it as {@code event: <name>\ndata: <one-line JSON>\n\n}.
 */
public sealed interface StreamEvent {

  /** The SSE event name: {@code sources}, {@code delta}, {@code done} or {@code error}. */
  String name();

  /** The object serialized as the event's {@code data:} line. */
  Object data();

  /** The event in SSE wire form, ending with the blank line that terminates it. */
  default String toSse() {
    // Jackson never writes a raw newline inside a JSON string, so the data fits one line.
    return "event: " + name() + "\ndata: " + EgretJson.write(data()) + "\n\n";
  }

  /** Sent first: the sources the answer will cite, data {@code {"sources": [...]}}. */
  record Sources(@JsonProperty("sources") List<Source> sources) implements StreamEvent {
    public Sources {
      sources = List.copyOf(sources);
    }

    @Override
    public String name() {
      return "sources";
    }

    @Override
    public Object data() {
      return this;
    }
  }

  /** A fragment of the Markdown answer, data {@code {"text": "..."}}. */
  record Delta(@JsonProperty("text") String text) implements StreamEvent {
    public Delta {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String name() {
      return "delta";
    }

    @Override
    public Object data() {
      return this;
    }
  }

  /** The last event of a successful stream; data is the complete query response. */
  record Done(QueryResponse response) implements StreamEvent {
    public Done {
      Objects.requireNonNull(response, "response");
    }

    @Override
    public String name() {
      return "done";
    }

    @Override
    public Object data() {
      return response;
    }
  }

  /** The last event of a failed stream; data is the error body. */
  record Error(ErrorBody body) implements StreamEvent {
    public Error {
      Objects.requireNonNull(body, "body");
    }

    @Override
    public String name() {
      return "error";
    }

    @Override
    public Object data() {
      return body;
    }
  }

  /**
   * Reads an event from its SSE name and data line, as a client does.
   *
   * @throws IllegalArgumentException naming the event when the name is unknown or the data does not fit it
   */
  static StreamEvent parse(String name, String data) {
    try {
      JsonNode node = EgretJson.mapper().readTree(data);
      var mapper = EgretJson.mapper();
      return switch (name) {
        case "sources" -> mapper.treeToValue(node, Sources.class);
        case "delta" -> mapper.treeToValue(node, Delta.class);
        case "done" -> new Done(mapper.treeToValue(node, QueryResponse.class));
        case "error" -> new Error(mapper.treeToValue(node, ErrorBody.class));
        default -> throw new IllegalArgumentException(
            "unknown stream event '" + name + "'; expected one of sources, delta, done, error");
      };
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("stream event '" + name + "' has unreadable data: " + e.getOriginalMessage(), e);
    }
  }
}
