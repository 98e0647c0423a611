package dev.egretta.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Server-Sent Events parser following the WHATWG event-stream interpretation rules: lines end in
 * CR, LF or CRLF; a blank line dispatches the event; {@code :} starts a comment; a field's value
 * loses one leading space; {@code data} lines are joined with LF; the type defaults to
 * {@code message}; an event with no data is not dispatched. Used by the tests as a client would.
 */
final class SseParser {
  /** One dispatched event. */
  record Event(String type, String data, String lastEventId) {}

  private final BufferedReader reader;
  private final StringBuilder data = new StringBuilder();
  private String type = "";
  private String lastEventId = "";
  private int comments;

  SseParser(BufferedReader reader) {
    this.reader = reader;
  }

  /** The comment lines seen so far (heartbeats). */
  int comments() {
    return comments;
  }

  /** The next event, or empty at the end of the stream. */
  Optional<Event> next() throws IOException {
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isEmpty()) {
        if (data.isEmpty()) {
          type = "";
          continue;
        }
        String payload = data.charAt(data.length() - 1) == '\n' ? data.substring(0, data.length() - 1) : data.toString();
        Event event = new Event(type.isEmpty() ? "message" : type, payload, lastEventId);
        data.setLength(0);
        type = "";
        return Optional.of(event);
      }
      if (line.startsWith(":")) {
        comments++;
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "event" -> type = value;
        case "data" -> data.append(value).append('\n');
        case "id" -> {
          if (!value.contains("\0")) {
            lastEventId = value;
          }
        }
        default -> { } // "retry" and unknown fields do not matter here
      }
    }
    return Optional.empty();
  }

  /** Every remaining event. */
  List<Event> all() throws IOException {
    List<Event> events = new ArrayList<>();
    for (Optional<Event> e = next(); e.isPresent(); e = next()) {
      events.add(e.get());
    }
    return events;
  }
}
