package dev.egretta.core.generation;

import dev.egretta.core.internal.Tokens;
import dev.egretta.core.Cancellable;
import dev.egretta.core.ConfigurationException;
import dev.egretta.core.EgrettaException;
import dev.egretta.core.RateLimitedException;
import dev.egretta.core.UpstreamException;
import dev.egretta.core.spi.AnswerGenerator;
import dev.egretta.core.spi.AnswerStreamHandler;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.egretta.core.spi.GenerationRequest;
import dev.egretta.core.spi.StreamingAnswerGenerator;
import dev.egretta.core.spi.TokenUsage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Answers through any LangChain4j {@link ChatModel} and/or {@link StreamingChatModel} with a
 * {@link GroundedPrompt}: mode-specific instructions, the session history, the passages in a
 * delimited data block. Token counts come from the model's response; when a model reports none
 * they are estimated with the configured counter. Vendor exceptions become {@link EgrettaException}s:
 * rate limits → {@link RateLimitedException}, timeouts and failures → {@link UpstreamException},
 * authentication or unknown-model errors → {@link ConfigurationException}.
 *
 * <p>With only a blocking model, streaming delivers the whole answer as one delta; with only a
 * streaming model, the blocking call waits for the stream. Immutable and thread-safe.
 *
 * <pre>{@code
 * AnswerGenerator generator = ChatModelAnswerGenerator.builder()
 *     .chatModel(chatModel)
 *     .streamingChatModel(streamingChatModel)
 *     .build();
 * }</pre>
 */
public final class ChatModelAnswerGenerator implements AnswerGenerator, StreamingAnswerGenerator {

  private final ChatModel chatModel;
  private final StreamingChatModel streamingModel;
  private final Function<GenerationRequest, GroundedPrompt> prompts;
  private final ToIntFunction<String> tokenCounter;
  private final Integer maxOutputTokens;
  private final boolean sendModelId;

  private ChatModelAnswerGenerator(Builder b) {
    this.chatModel = b.chatModel;
    this.streamingModel = b.streamingModel;
    this.prompts = b.prompts;
    this.tokenCounter = b.tokenCounter;
    this.maxOutputTokens = b.maxOutputTokens;
    this.sendModelId = b.sendModelId;
  }

  /** A generator over a blocking model. */
  public static ChatModelAnswerGenerator of(ChatModel model) {
    return builder().chatModel(model).build();
  }

  /** A generator over a streaming model. */
  public static ChatModelAnswerGenerator of(StreamingChatModel model) {
    return builder().streamingChatModel(model).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The chat request this generator sends for a generation request. */
  public ChatRequest chatRequest(GenerationRequest request) {
    return chatRequest(prompts.apply(request), request);
  }

  @Override
  public GeneratedAnswer generate(GenerationRequest request) {
    GroundedPrompt prompt = prompts.apply(request);
    if (chatModel == null) {
      return awaitStream(request);
    }
    ChatResponse response;
    try {
      response = chatModel.chat(chatRequest(prompt, request));
    } catch (RuntimeException e) {
      throw translate(e);
    }
    String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
    if (text == null) {
      throw new UpstreamException("the model returned no text");
    }
    return new GeneratedAnswer(text, usage(response, prompt, text));
  }

  @Override
  public Cancellable stream(GenerationRequest request, AnswerStreamHandler handler) {
    AtomicBoolean cancelled = new AtomicBoolean();
    if (streamingModel == null) {
      Thread worker = Thread.ofVirtual().name("egretta-generate").start(() -> {
        try {
          GeneratedAnswer answer = generate(request);
          if (!cancelled.get()) {
            handler.onDelta(answer.markdown());
            handler.onComplete(answer);
          }
        } catch (EgrettaException e) {
          if (!cancelled.get()) {
            handler.onError(e);
          }
        }
      });
      return () -> {
        cancelled.set(true);
        worker.interrupt();
      };
    }
    GroundedPrompt prompt = prompts.apply(request);
    AtomicReference<StreamingHandle> handle = new AtomicReference<>();
    StringBuilder text = new StringBuilder();
    StreamingChatResponseHandler adapter = new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partial) {
        if (!cancelled.get() && partial != null && !partial.isEmpty()) {
          text.append(partial);
          handler.onDelta(partial);
        }
      }

      @Override
      public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        handle.set(context.streamingHandle());
        if (cancelled.get()) {
          context.streamingHandle().cancel();
          return;
        }
        onPartialResponse(partial.text());
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        if (cancelled.get()) {
          return;
        }
        String whole = response != null && response.aiMessage() != null ? response.aiMessage().text() : null;
        if (text.isEmpty() && whole != null && !whole.isEmpty()) {
          onPartialResponse(whole);
        }
        handler.onComplete(new GeneratedAnswer(text.toString(), usage(response, prompt, text.toString())));
      }

      @Override
      public void onError(Throwable error) {
        if (!cancelled.get()) {
          handler.onError(translate(error));
        }
      }
    };
    try {
      streamingModel.chat(chatRequest(prompt, request), adapter);
    } catch (RuntimeException e) {
      adapter.onError(e);
    }
    return () -> {
      cancelled.set(true);
      StreamingHandle h = handle.get();
      if (h != null) {
        h.cancel();
      }
    };
  }

  private GeneratedAnswer awaitStream(GenerationRequest request) {
    CompletableFuture<GeneratedAnswer> result = new CompletableFuture<>();
    Cancellable c = stream(request, new AnswerStreamHandler() {
      @Override
      public void onDelta(String t) {}

      @Override
      public void onComplete(GeneratedAnswer answer) {
        result.complete(answer);
      }

      @Override
      public void onError(EgrettaException error) {
        result.completeExceptionally(error);
      }
    });
    try {
      return result.get();
    } catch (InterruptedException e) {
      c.cancel();
      Thread.currentThread().interrupt();
      throw new UpstreamException("interrupted while waiting for the model", false, e);
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    }
  }

  private ChatRequest chatRequest(GroundedPrompt prompt, GenerationRequest request) {
    ChatRequest.Builder b = ChatRequest.builder().messages(prompt.toChatMessages());
    if (maxOutputTokens != null) {
      b.maxOutputTokens(maxOutputTokens);
    }
    if (sendModelId) {
      b.modelName(request.model().modelId());
    }
    return b.build();
  }

  private TokenUsage usage(ChatResponse response, GroundedPrompt prompt, String answer) {
    var u = response == null ? null : response.tokenUsage();
    long in = u != null && u.inputTokenCount() != null ? u.inputTokenCount() : tokenCounter.applyAsInt(prompt.fullText());
    long out = u != null && u.outputTokenCount() != null ? u.outputTokenCount() : tokenCounter.applyAsInt(answer);
    return new TokenUsage(in, out);
  }

  /** Translates a LangChain4j or provider exception into Egretta's hierarchy. */
  static EgrettaException translate(Throwable e) {
    if (e instanceof EgrettaException ee) {
      return ee;
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String type = e.getClass().getSimpleName();
    return switch (type) {
      case "RateLimitException" -> new RateLimitedException("the model provider is rate limiting: " + message,
          Duration.ofSeconds(5), e);
      case "TimeoutException", "HttpTimeoutException", "SocketTimeoutException" ->
          new UpstreamException("the model did not answer in time: " + message, true, e);
      case "AuthenticationException", "ModelNotFoundException" ->
          new ConfigurationException("the model is not usable as configured: " + message, e);
      default -> new UpstreamException("the model failed: " + message, false, e);
    };
  }

  /** Builds a {@link ChatModelAnswerGenerator}; at least one model is required. */
  public static final class Builder {
    private ChatModel chatModel;
    private StreamingChatModel streamingModel;
    private Function<GenerationRequest, GroundedPrompt> prompts = GroundedPrompt::of;
    private ToIntFunction<String> tokenCounter = Tokens.ESTIMATE;
    private Integer maxOutputTokens;
    private boolean sendModelId;

    private Builder() {}

    public Builder chatModel(ChatModel model) {
      this.chatModel = Objects.requireNonNull(model, "chatModel");
      return this;
    }

    public Builder streamingChatModel(StreamingChatModel model) {
      this.streamingModel = Objects.requireNonNull(model, "streamingChatModel");
      return this;
    }

    /** Replaces the prompt builder (default {@link GroundedPrompt#of}). */
    public Builder prompt(Function<GenerationRequest, GroundedPrompt> prompts) {
      this.prompts = Objects.requireNonNull(prompts, "prompt");
      return this;
    }

    /** Counts tokens when the model reports none (default {@link Tokens#ESTIMATE}). */
    public Builder tokenCounter(ToIntFunction<String> counter) {
      this.tokenCounter = Objects.requireNonNull(counter, "tokenCounter");
      return this;
    }

    /** Caps the answer length in tokens; unset = the model's default. */
    public Builder maxOutputTokens(int tokens) {
      if (tokens < 1) {
        throw new IllegalArgumentException("maxOutputTokens must be >= 1; got " + tokens);
      }
      this.maxOutputTokens = tokens;
      return this;
    }

    /**
     * Whether to put the catalog's model id into each chat request's model name, so that one
     * LangChain4j model object serves every model of the catalog (default false).
     */
    public Builder sendModelId(boolean send) {
      this.sendModelId = send;
      return this;
    }

    public ChatModelAnswerGenerator build() {
      if (chatModel == null && streamingModel == null) {
        throw new ConfigurationException("a ChatModelAnswerGenerator needs a chatModel or a streamingChatModel");
      }
      return new ChatModelAnswerGenerator(this);
    }
  }
}
