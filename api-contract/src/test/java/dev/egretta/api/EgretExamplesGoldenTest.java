package dev.egretta.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Egret's own example documents (transcribed from its API pages in ../shared/egret-api) read into
 * the records and written back give the same JSON tree, in Egret's field order.
 */
class EgretExamplesGoldenTest {
  private static final ObjectMapper MAPPER = EgretJson.mapper();

  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of("query-request.json", new TypeReference<QueryRequest>() {}),
        Arguments.of("session-continue-request.json", new TypeReference<QueryRequest>() {}),
        Arguments.of("query-response.json", new TypeReference<QueryResponse>() {}),
        Arguments.of("sessions-recent.json", new TypeReference<List<SessionSummary>>() {}),
        Arguments.of("session-messages.json", new TypeReference<List<Message>>() {}),
        Arguments.of("rename-request.json", new TypeReference<RenameRequest>() {}),
        Arguments.of("rename-response.json", new TypeReference<RenameResponse>() {}),
        Arguments.of("delete-response.json", new TypeReference<DeleteResponse>() {}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void egretExampleSurvivesReadAndWriteUnchanged(String file, TypeReference<?> type) throws IOException {
    JsonNode original = MAPPER.readTree(fixture(file));

    Object value = MAPPER.readValue(fixture(file), type);
    JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(value));

    assertThat(written).isEqualTo(original);
  }

  @Test
  void queryResponseIsWrittenInEgretsFieldOrder() throws IOException {
    JsonNode original = MAPPER.readTree(fixture("query-response.json"));
    QueryResponse response = MAPPER.readValue(fixture("query-response.json"), QueryResponse.class);
    JsonNode written = MAPPER.readTree(EgretJson.write(response));

    assertThat(fieldNames(written)).containsExactlyElementsOf(fieldNames(original));
    assertThat(fieldNames(written.get("sources").get(0))).containsExactlyElementsOf(fieldNames(original.get("sources").get(0)));
    assertThat(fieldNames(written.get("performance"))).containsExactlyElementsOf(fieldNames(original.get("performance")));
  }

  @Test
  void nullsEgretShowsAreWrittenAsNull() throws IOException {
    QueryResponse response = MAPPER.readValue(fixture("query-response.json"), QueryResponse.class);
    assertThat(response.sources().get(0).pageNumber()).isNull();
    Source noLink = new Source("file:///a.pdf", "a.pdf", null, "x", 0.5, Relevance.RELEVANT, SourceType.DOCUMENT, null, false);

    JsonNode written = MAPPER.readTree(EgretJson.write(noLink));

    assertThat(written.has("page_number")).isTrue();
    assertThat(written.get("page_number").isNull()).isTrue();
    assertThat(written.get("download_url").isNull()).isTrue();
    assertThat(written.get("relevance").asText()).isEqualTo("Relevant");
    assertThat(written.get("source_type").asText()).isEqualTo("document");
    assertThat(written.get("is_private").asBoolean()).isFalse();
  }

  @Test
  void userMessageWritesContextQualityNull() throws IOException {
    List<Message> messages = MAPPER.readValue(fixture("session-messages.json"), new TypeReference<List<Message>>() {});
    Message user = messages.get(0);

    assertThat(user.sender()).isEqualTo(Sender.USER);
    assertThat(user.contextQuality()).isNull();
    assertThat(MAPPER.readTree(EgretJson.write(user)).get("context_quality").isNull()).isTrue();
    assertThat(messages.get(1).sources().get(0).isPrivate()).isTrue();
  }

  @Test
  void timestampsKeepMicroseconds() throws IOException {
    List<SessionSummary> sessions = MAPPER.readValue(fixture("sessions-recent.json"), new TypeReference<List<SessionSummary>>() {});

    assertThat(EgretJson.timestamp(sessions.get(0).createdAt())).isEqualTo("2026-03-25T19:52:47.347245Z");
    assertThat(EgretJson.timestamp(java.time.Instant.parse("2026-03-25T19:52:47Z"))).isEqualTo("2026-03-25T19:52:47.000000Z");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static InputStream fixture(String name) {
    InputStream in = EgretExamplesGoldenTest.class.getResourceAsStream("/egret-examples/" + name);
    if (in == null) {
      throw new IllegalStateException("missing test fixture /egret-examples/" + name);
    }
    return in;
  }
}
