package dev.egretta.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Generated values of every contract record survive write-then-read unchanged. */
class ContractRoundTripTest {

  @RepeatedTest(50)
  void generatedQueryResponsesRoundTrip(RepetitionInfo info) throws IOException {
    Values values = new Values(new Random(info.getCurrentRepetition()));
    QueryResponse response = values.queryResponse();

    String json = EgretJson.write(response);

    assertThat(EgretJson.mapper().readValue(json, QueryResponse.class)).isEqualTo(response);
    assertThat(json).doesNotContain("\n");
  }

  @RepeatedTest(50)
  void generatedSessionsAndMessagesRoundTrip(RepetitionInfo info) throws IOException {
    Values values = new Values(new Random(1000 + info.getCurrentRepetition()));
    List<SessionSummary> sessions = List.of(values.session(), values.session());
    List<Message> messages = List.of(values.message(Sender.USER), values.message(Sender.ASSISTANT));

    assertThat(EgretJson.mapper().readValue(EgretJson.write(sessions), new TypeReference<List<SessionSummary>>() {}))
        .isEqualTo(sessions);
    assertThat(EgretJson.mapper().readValue(EgretJson.write(messages), new TypeReference<List<Message>>() {}))
        .isEqualTo(messages);
  }

  @RepeatedTest(20)
  void generatedSmallShapesRoundTrip(RepetitionInfo info) throws IOException {
    Values values = new Values(new Random(2000 + info.getCurrentRepetition()));
    List<Object> shapes = List.of(
        new ModelInfo(values.text(), values.text(), "standard", values.random.nextInt(10), values.random.nextBoolean(), values.random.nextBoolean()),
        new Domain(values.text(), values.text()),
        new Category(values.text(), values.text()),
        new RenameResponse(UUID.randomUUID().toString(), values.text()),
        new ErrorBody(values.text(), List.of(new FieldError("mode", values.text()))),
        new QueryRequest(values.text(), "d", "c", "advisory", values.text(), null, "private", true, UUID.randomUUID().toString()));

    for (Object shape : shapes) {
      assertThat(EgretJson.mapper().readValue(EgretJson.write(shape), shape.getClass())).isEqualTo(shape);
    }
  }

  @Test
  void errorBodyOmitsEmptyFieldErrors() {
    assertThat(EgretJson.write(ErrorBody.of("Not found."))).isEqualTo("{\"detail\":\"Not found.\"}");
  }

  /** Random but valid contract values, including awkward text (quotes, newlines, non-ASCII). */
  static final class Values {
    private static final String[] WORDS = {"policy", "RTO", "\"quoted\"", "line\nbreak", "ünïcödé", "tab\there", "</script>", "emoji 🦩", "back\\slash"};
    final Random random;

    Values(Random random) {
      this.random = random;
    }

    String text() {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(6);
      for (int i = 0; i < n; i++) {
        sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      return sb.toString().strip();
    }

    Instant instant() {
      return Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000_000))
          .truncatedTo(ChronoUnit.MICROS);
    }

    Source source() {
      return new Source(
          "s3://bucket/" + random.nextInt(100) + ".pdf",
          random.nextInt(100) + ".pdf",
          random.nextBoolean() ? null : 1 + random.nextInt(500),
          text(),
          random.nextDouble(),
          Relevance.values()[random.nextInt(3)],
          SourceType.DOCUMENT,
          random.nextBoolean() ? null : "https://example.test/" + random.nextInt(),
          random.nextBoolean());
    }

    ContextQuality quality() {
      return new ContextQuality(random.nextBoolean(), random.nextInt(20), random.nextDouble());
    }

    QueryResponse queryResponse() {
      List<Source> sources = new ArrayList<>();
      for (int i = random.nextInt(6); i > 0; i--) {
        sources.add(source());
      }
      return new QueryResponse(
          text(), sources, List.of(text(), text(), text()), quality(),
          new Usage(random.nextInt(100_000), random.nextInt(10_000), random.nextDouble() / 100, text()),
          new Performance(random.nextInt(5000), random.nextInt(50_000), random.nextInt(60_000), random.nextInt(20), random.nextDouble()),
          UUID.randomUUID().toString(), random.nextInt(1_000_000));
    }

    SessionSummary session() {
      return new SessionSummary(UUID.randomUUID().toString(), text(), "business-continuity", "Business Continuity",
          "United States", "us", instant(), instant(), random.nextInt(100));
    }

    Message message(Sender sender) {
      boolean user = sender == Sender.USER;
      return new Message(UUID.randomUUID().toString(), sender, text(), text(),
          user ? List.of() : List.of(source(), source()),
          user ? 0 : random.nextInt(10_000), user ? 0 : random.nextInt(1000), instant(), user ? null : quality());
    }
  }
}
