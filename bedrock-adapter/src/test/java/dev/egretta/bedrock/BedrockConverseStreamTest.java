package dev.egretta.bedrock;

import static dev.egretta.bedrock.StreamReplies.delta;
import static dev.egretta.bedrock.BedrockWireServer.error;
import static dev.egretta.bedrock.StreamReplies.event;
import static dev.egretta.bedrock.StreamReplies.exception;
import static dev.egretta.bedrock.StreamReplies.keepDeltasFlowing;
import static dev.egretta.bedrock.StreamReplies.metadata;
import static dev.egretta.bedrock.StreamReplies.pause;
import static dev.egretta.bedrock.BedrockWireServer.stall;
import static dev.egretta.bedrock.StreamReplies.stream;
import static dev.egretta.bedrock.Fixtures.HAIKU;
import static dev.egretta.bedrock.Fixtures.NOVA_LITE;
import static dev.egretta.bedrock.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.Mode;
import dev.egretta.core.Cancellable;
import dev.egretta.core.ConfigurationException;
import dev.egretta.core.EgrettaException;
import dev.egretta.core.RateLimitedException;
import dev.egretta.core.UpstreamException;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.egretta.core.spi.GenerationRequest;
import dev.egretta.core.spi.TokenUsage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Streamed answers: ConverseStream's event-stream framing through the real async SDK client (Netty). */
class BedrockConverseStreamTest extends OnWireServer {

  @Test
  void forwardsDeltasAsBedrockSendsThemAndTakesUsageFromTheMetadataEvent() throws Exception {
    server.then(stream("Backups are tested annually [Source 1].", 1200, 48));
    Fixtures.Recorder recorder = new Fixtures.Recorder();
    GenerationRequest request = request(Mode.COMPLIANCE, NOVA_LITE);

    generator.stream(request, recorder);
    GeneratedAnswer answer = recorder.answer();

    assertThat(recorder.deltas).containsExactly("Backups ", "are ", "tested ", "annually ", "[Source ", "1].");
    assertThat(answer.markdown()).isEqualTo(String.join("", recorder.deltas));
    assertThat(answer.usage()).isEqualTo(new TokenUsage(1200, 48));
    // Nova Lite: $0.00006 / 1k input, $0.00024 / 1k output
    assertThat(request.model().costUsd(answer.usage())).isCloseTo(1.2 * 0.00006 + 0.048 * 0.00024,
        org.assertj.core.data.Offset.offset(1e-12));
    assertThat(server.lastRequest().streaming()).isTrue();
    assertThat(server.lastRequest().modelId()).isEqualTo(NOVA_LITE);
    assertThat(server.lastRequest().body().at("/system/0/text").asText()).contains("Mode: compliance");
    assertThat(server.lastRequest().body().at("/inferenceConfig/maxTokens").asInt()).isEqualTo(700);
    assertThat(recorder.outcomes).isEqualTo(1);
  }

  @Test
  void aThrottlingExceptionEventBeforeAnyTextIsRetried() throws Exception {
    server.then(stream(event("messageStart", BedrockWireServer.JSON.createObjectNode().put("role", "assistant")),
            exception("throttlingException", "Too many tokens, please wait before trying again.")),
        stream("second attempt [Source 1]", 50, 5));
    Fixtures.Recorder recorder = new Fixtures.Recorder();

    generator.stream(request(Mode.COMPLIANCE, HAIKU), recorder);

    assertThat(recorder.answer().markdown()).isEqualTo("second attempt [Source 1]");
    assertThat(recorder.answer().usage()).isEqualTo(new TokenUsage(50, 5));
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void aThrottlingExceptionEventAfterTextBecomesARateLimitErrorWithoutARetry() throws Exception {
    server.then(stream(delta("Backups "), delta("are "),
        exception("throttlingException", "Too many tokens, please wait before trying again.")));
    Fixtures.Recorder recorder = new Fixtures.Recorder();

    generator.stream(request(Mode.COMPLIANCE, HAIKU), recorder);

    EgrettaException error = recorder.error();
    assertThat(error).isInstanceOf(RateLimitedException.class).hasMessageContaining(HAIKU).hasMessageContaining("us-east-1");
    assertThat(recorder.deltas).containsExactly("Backups ", "are ");
    assertThat(server.requests()).hasSize(1);
    Thread.sleep(200);
    assertThat(recorder.outcomes).isEqualTo(1);
  }

  @Test
  void throttlingAsHttp429IsRetriedThenReportedAsRateLimited() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.then(error(429, "ThrottlingException", "Too many requests"));
    }
    Fixtures.Recorder recorder = new Fixtures.Recorder();

    generator.stream(request(Mode.ADVISORY, HAIKU), recorder);

    assertThat(recorder.error()).isInstanceOf(RateLimitedException.class).hasMessageContaining("3 attempts");
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void accessDeniedBecomesAConfigurationError() throws Exception {
    server.then(error(403, "AccessDeniedException", "You don't have access to the model with the specified model ID."));
    Fixtures.Recorder recorder = new Fixtures.Recorder();

    generator.stream(request(Mode.COMPLIANCE, HAIKU), recorder);

    assertThat(recorder.error()).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(HAIKU).hasMessageContaining("us-east-1");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aStreamThatStallsMidwayTimesOut() throws Exception {
    server.then(stream(delta("Backups "), pause(Duration.ofSeconds(8))));
    Fixtures.Recorder recorder = new Fixtures.Recorder();
    long start = System.nanoTime();

    generator.stream(request(Mode.COMPLIANCE, HAIKU), recorder);

    EgrettaException error = recorder.error();
    assertThat(error).isInstanceOf(UpstreamException.class);
    assertThat(((UpstreamException) error).isTimeout()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws Exception {
    server.then(stall(Duration.ofSeconds(8)));
    Fixtures.Recorder recorder = new Fixtures.Recorder();

    generator.stream(request(Mode.COMPLIANCE, HAIKU), recorder);

    EgrettaException error = recorder.error();
    assertThat(error).isInstanceOf(UpstreamException.class);
    assertThat(((UpstreamException) error).isTimeout()).isTrue();
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aStreamEndingWithoutMetadataIsAnUpstreamErrorNotAHang() throws Exception {
    server.then(stream(delta("Backups "), delta("are tested.")));
    Fixtures.Recorder recorder = new Fixtures.Recorder();

    generator.stream(request(Mode.COMPLIANCE, HAIKU), recorder);

    assertThat(recorder.error()).isInstanceOf(UpstreamException.class).hasMessageContaining("metadata");
  }

  @Test
  void cancellingTheConsumerClosesTheHttpStream() throws Exception {
    server.then(stream(delta("Backups "), keepDeltasFlowing(Duration.ofSeconds(8)), metadata(1, 1)));
    Fixtures.Recorder recorder = new Fixtures.Recorder();

    Cancellable handle = generator.stream(request(Mode.COMPLIANCE, HAIKU), recorder);
    recorder.firstDelta.get(10, TimeUnit.SECONDS);
    handle.cancel();

    assertThat(server.awaitClientClosedStream(Duration.ofSeconds(5)))
        .as("the server noticed the connection was closed").isTrue();
    int seen = recorder.deltas.size();
    Thread.sleep(200);
    assertThat(recorder.deltas).hasSize(seen);
    assertThat(recorder.outcome).isNotDone();
    handle.cancel(); // idempotent
  }

  @Test
  void cancellingBeforeTheFirstEventAlsoClosesTheHttpStream() throws Exception {
    server.then(stream(pause(Duration.ofMillis(1500)), keepDeltasFlowing(Duration.ofSeconds(5)), metadata(1, 1)));
    Fixtures.Recorder recorder = new Fixtures.Recorder();

    Cancellable handle = generator.stream(request(Mode.COMPLIANCE, HAIKU), recorder);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (server.requests().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(200); // the response headers are out, no event yet
    handle.cancel();

    assertThat(server.awaitClientClosedStream(Duration.ofSeconds(5)))
        .as("the server noticed the connection was closed").isTrue();
    assertThat(recorder.deltas).isEmpty();
    assertThat(recorder.outcome).isNotDone();
  }

  @Test
  void cancellingAtOnceSendsNothingOrClosesTheConnection() throws Exception {
    server.then(stream(pause(Duration.ofMillis(500)), keepDeltasFlowing(Duration.ofSeconds(5)), metadata(1, 1)));
    Fixtures.Recorder recorder = new Fixtures.Recorder();

    generator.stream(request(Mode.COMPLIANCE, HAIKU), recorder).cancel();

    Thread.sleep(300);
    if (!server.requests().isEmpty()) {
      assertThat(server.awaitClientClosedStream(Duration.ofSeconds(5))).isTrue();
    }
    assertThat(recorder.deltas).isEmpty();
    assertThat(recorder.outcome).isNotDone();
  }

  @Test
  void theStreamedAnswerCanBeRequestedAgainAfterAFailure() throws Exception {
    server.then(error(400, "ValidationException", "Input is too long for requested model."));
    Fixtures.Recorder failed = new Fixtures.Recorder();
    generator.stream(request(Mode.COMPLIANCE, HAIKU), failed);
    assertThat(failed.error()).isInstanceOf(dev.egretta.core.InvalidRequestException.class)
        .hasMessageContaining("Input is too long");

    Fixtures.Recorder ok = new Fixtures.Recorder();
    generator.stream(request(Mode.COMPLIANCE, HAIKU), ok);
    assertThat(ok.answer().markdown()).isEqualTo("default streamed answer [Source 1]");
  }
}
