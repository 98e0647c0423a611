package dev.egretta.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamEventTest {

  @Test
  void deltaWithNewlinesStaysOnOneDataLine() {
    String sse = new StreamEvent.Delta("# Title\n\nText [Source 1]").toSse();

    assertThat(sse).isEqualTo("event: delta\ndata: {\"text\":\"# Title\\n\\nText [Source 1]\"}\n\n");
  }

  @Test
  void sourcesEventWrapsTheListInAnObject() {
    Source source = new Source("file:///a.pdf", "a.pdf", 3, "x", 0.9, Relevance.HIGHLY_RELEVANT, SourceType.DOCUMENT, null, false);

    String sse = new StreamEvent.Sources(List.of(source)).toSse();

    assertThat(sse).startsWith("event: sources\ndata: {\"sources\":[{\"uri\":\"file:///a.pdf\"");
    assertThat(sse.lines().filter(l -> l.startsWith("data: ")).count()).isEqualTo(1);
  }

  @Test
  void everyEventParsesBackFromItsNameAndData() {
    QueryResponse done = new QueryResponse("text", List.of(), List.of("a", "b", "c"),
        new ContextQuality(true, 0, 0.0), new Usage(1, 2, 0.0, "m"), new Performance(1, 2, 3, 0, 0.0), "id", 7);
    List<StreamEvent> events = List.of(
        new StreamEvent.Sources(List.of()),
        new StreamEvent.Delta("te"),
        new StreamEvent.Done(done),
        new StreamEvent.Error(ErrorBody.of("boom")));

    for (StreamEvent event : events) {
      String data = event.toSse().lines().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow().substring(6);
      assertThat(StreamEvent.parse(event.name(), data)).isEqualTo(event);
    }
  }

  @Test
  void unknownEventNameIsAClearError() {
    assertThatThrownBy(() -> StreamEvent.parse("progress", "{}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected one of sources, delta, done, error");
  }
}
