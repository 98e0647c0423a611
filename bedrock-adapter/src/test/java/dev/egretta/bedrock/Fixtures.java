package dev.egretta.bedrock;

import dev.egretta.api.Mode;
import dev.egretta.api.Sender;
import dev.egretta.core.EgrettaException;
import dev.egretta.core.spi.AnswerStreamHandler;
import dev.egretta.core.spi.ChatTurn;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.egretta.core.spi.GenerationRequest;
import dev.egretta.core.spi.ModelEntry;
import dev.egretta.core.spi.NumberedPassage;
import dev.egretta.core.spi.RetrievedPassage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Shared test data: a config pointing at the local wire server, requests, a recording stream handler. */
final class Fixtures {
  static final String HAIKU = BedrockModelCatalog.DEFAULT_MODEL_ID;
  static final String NOVA_LITE = "us.amazon.nova-lite-v1:0";

  private Fixtures() {}

  static BedrockConfig.Builder config(BedrockWireServer server) {
    return BedrockConfig.builder()
        .region("us-east-1")
        .staticCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        .endpointOverride(server.endpoint())
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(2))
        .maxRetries(2)
        .backoff(Duration.ofMillis(20), Duration.ofMillis(80))
        .maxOutputTokens(700)
        .temperature(0.1);
  }

  static ModelEntry model(String id) {
    return BedrockModelCatalog.create().resolve(Optional.of(id));
  }

  static RetrievedPassage passage(String file, int page, String text) {
    return new RetrievedPassage(file + "#" + page, "file:///corpus/" + file, file, page, page, "Backups", text,
        false, 0.8);
  }

  static GenerationRequest request(Mode mode, String modelId) {
    return new GenerationRequest(
        "How often must backups be tested?",
        "How often must backups be tested?",
        mode,
        List.of(new NumberedPassage(1, passage("contingency.pdf", 12, "Backups shall be tested at least annually.")),
            new NumberedPassage(2, passage("policy.pdf", 3, "The ISSO verifies restore procedures quarterly."))),
        List.of(),
        model(modelId));
  }

  static GenerationRequest withHistory(GenerationRequest r, List<ChatTurn> history, String standalone) {
    return new GenerationRequest(r.question(), standalone, r.mode(), r.passages(), history, r.model());
  }

  static ChatTurn user(String text) {
    return new ChatTurn(Sender.USER, text);
  }

  static ChatTurn assistant(String text) {
    return new ChatTurn(Sender.ASSISTANT, text);
  }

  /** Records a stream: deltas in order and exactly one outcome. */
  static final class Recorder implements AnswerStreamHandler {
    final List<String> deltas = new CopyOnWriteArrayList<>();
    final CompletableFuture<GeneratedAnswer> outcome = new CompletableFuture<>();
    final CompletableFuture<String> firstDelta = new CompletableFuture<>();
    volatile int outcomes;

    @Override
    public void onDelta(String text) {
      deltas.add(text);
      firstDelta.complete(text);
    }

    @Override
    public void onComplete(GeneratedAnswer answer) {
      outcomes++;
      outcome.complete(answer);
    }

    @Override
    public void onError(EgrettaException error) {
      outcomes++;
      outcome.completeExceptionally(error);
    }

    GeneratedAnswer answer() throws Exception {
      return outcome.get(10, TimeUnit.SECONDS);
    }

    /** The error the stream ended with (fails the test if it completed or took longer than 10 s). */
    EgrettaException error() throws Exception {
      try {
        GeneratedAnswer answer = outcome.get(10, TimeUnit.SECONDS);
        throw new AssertionError("expected an error but the stream completed with: " + answer);
      } catch (java.util.concurrent.ExecutionException e) {
        return (EgrettaException) e.getCause();
      }
    }
  }
}
