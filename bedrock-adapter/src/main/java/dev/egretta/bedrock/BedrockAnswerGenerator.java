package dev.egretta.bedrock;

import dev.egretta.core.Cancellable;
import dev.egretta.core.generation.ChatModelAnswerGenerator;
import dev.egretta.core.spi.AnswerGenerator;
import dev.egretta.core.spi.AnswerStreamHandler;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.egretta.core.spi.GenerationRequest;
import dev.egretta.core.spi.StreamingAnswerGenerator;
import dev.langchain4j.model.bedrock.BedrockChatModel;
import dev.langchain4j.model.bedrock.BedrockChatRequestParameters;
import dev.langchain4j.model.bedrock.BedrockStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cited answers from a model on Amazon Bedrock, through LangChain4j's Bedrock chat models and core's
 * {@link ChatModelAnswerGenerator} (Egretta's grounded prompt): Converse for {@link #generate blocking}
 * answers, ConverseStream for {@link #stream streamed} ones. This class adds what Bedrock needs on
 * top: its own SDK clients, one bounded retry layer, Bedrock-specific error translation, a history
 * shaped as Converse requires, and streams that close their connection when cancelled. The model
 * of each request is {@code request.model().modelId()} (a Bedrock model or inference-profile id, see
 * {@link BedrockModelCatalog}); usage is Bedrock's own token count.
 *
 * <p>Failures arrive as Egretta exceptions: {@link dev.egretta.core.RateLimitedException} once
 * throttling outlasts the configured retries, {@link dev.egretta.core.ConfigurationException} for a
 * model that is not enabled or not offered in the region and for unusable credentials,
 * {@link dev.egretta.core.InvalidRequestException} for a request Bedrock rejects (e.g. too long),
 * {@link dev.egretta.core.UpstreamException} for timeouts, outages and unreadable responses.
 *
 * <p>Thread-safe. Owns HTTP connection pools: {@link #close()} it when done.
 */
public final class BedrockAnswerGenerator implements AnswerGenerator, StreamingAnswerGenerator, AutoCloseable {
  private final BedrockConfig config;
  private final BedrockClients clients;
  private final BedrockErrors errors;
  private final Retrier retrier;
  private final ChatModelAnswerGenerator blocking;
  private final ScheduledExecutorService scheduler;
  private final StreamingCall.GeneratorParts streamingParts;

  private BedrockAnswerGenerator(BedrockConfig config) {
    this.config = config;
    this.clients = BedrockClients.create(config);
    this.errors = new BedrockErrors(clients.region.id(), config.readTimeout());
    this.retrier = new Retrier(config, errors);
    BedrockChatRequestParameters defaults = BedrockChatRequestParameters.builder()
        .maxOutputTokens(config.maxOutputTokens())
        .temperature(config.temperature())
        .build();
    BedrockChatModel chatModel = BedrockChatModel.builder()
        .client(clients.sync)
        .modelId(BedrockModelCatalog.DEFAULT_MODEL_ID)
        .maxRetries(0) // Retrier is the only retry layer
        .defaultRequestParameters(defaults)
        .build();
    this.blocking = ChatModelAnswerGenerator.builder()
        .chatModel(chatModel)
        .prompt(BedrockPrompt::of)
        .sendModelId(true)
        .build();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads());
    this.streamingParts = new StreamingCall.GeneratorParts(clients, errors, retrier, scheduler,
        client -> ChatModelAnswerGenerator.builder()
            .streamingChatModel(BedrockStreamingChatModel.builder()
                .client(client)
                .modelId(BedrockModelCatalog.DEFAULT_MODEL_ID)
                .defaultRequestParameters(defaults)
                .build())
            .prompt(BedrockPrompt::of)
            .sendModelId(true)
            .build());
  }

  /**
   * A generator that reaches Bedrock as {@code config} says.
   *
   * @throws dev.egretta.core.ConfigurationException when no region is configured anywhere
   */
  public static BedrockAnswerGenerator create(BedrockConfig config) {
    return new BedrockAnswerGenerator(Objects.requireNonNull(config, "config"));
  }

  /** The configuration this generator was built with. */
  public BedrockConfig config() {
    return config;
  }

  /** The AWS region the generator calls, e.g. {@code us-east-1}. */
  public String region() {
    return clients.region.id();
  }

  /**
   * A LangChain4j chat model for the small calls around an answer (core's {@code ModelAssist}: {@code auto}
   * routing, follow-up suggestions, session titles) on {@code modelId}, through this generator's client,
   * retries and error translation; at most 400 output tokens, temperature 0. A cheap model serves well.
   */
  public ChatModel assistModel(String modelId) {
    if (modelId == null || modelId.isBlank()) {
      throw new IllegalArgumentException("assist model id must not be blank");
    }
    BedrockChatModel model = BedrockChatModel.builder()
        .client(clients.sync)
        .modelId(modelId)
        .maxRetries(0) // Retrier is the only retry layer
        .defaultRequestParameters(BedrockChatRequestParameters.builder().maxOutputTokens(400).temperature(0.0).build())
        .build();
    return new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        return retrier.call(modelId, () -> model.chat(request));
      }
    };
  }

  @Override
  public GeneratedAnswer generate(GenerationRequest request) {
    return retrier.call(request.model().modelId(), () -> blocking.generate(request));
  }

  @Override
  public Cancellable stream(GenerationRequest request, AnswerStreamHandler handler) {
    Objects.requireNonNull(handler, "handler");
    return new StreamingCall(streamingParts, request, handler).start();
  }

  /** Closes the HTTP clients; calls still running fail. Idempotent. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    clients.close();
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "egretta-bedrock-retry-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
