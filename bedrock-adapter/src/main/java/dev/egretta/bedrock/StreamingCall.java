package dev.egretta.bedrock;

import dev.egretta.core.Cancellable;
import dev.egretta.core.EgrettaException;
import dev.egretta.core.UpstreamException;
import dev.egretta.core.spi.AnswerStreamHandler;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.langchain4j.model.bedrock.BedrockStreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * One streamed answer: ConverseStream through LangChain4j, deltas forwarded as Bedrock sends them,
 * usage from the final metadata event. A retryable failure (throttling, also as an exception event
 * inside the stream) is retried with backoff only while no delta has reached the handler; after that
 * the handler gets the error. Exactly one of {@code onComplete}/{@code onError} is called, unless the
 * consumer cancelled, after which nothing more is delivered.
 */
final class StreamingCall implements Cancellable {
  private final GeneratorParts parts;
  private final ChatRequest request;
  private final String modelId;
  private final AnswerStreamHandler handler;
  private final AtomicBoolean finished = new AtomicBoolean();
  private final StringBuilder text = new StringBuilder();
  private volatile boolean cancelled;
  private volatile boolean deltaSent;
  private volatile Attempt current;

  /** What a streaming call needs from its generator. */
  record GeneratorParts(BedrockClients clients, BedrockErrors errors, Retrier retrier,
      ScheduledExecutorService scheduler, Function<BedrockRuntimeAsyncClient, BedrockStreamingChatModel> models) {}

  StreamingCall(GeneratorParts parts, ChatRequest request, String modelId, AnswerStreamHandler handler) {
    this.parts = parts;
    this.request = request;
    this.modelId = modelId;
    this.handler = handler;
  }

  StreamingCall start() {
    startAttempt(0);
    return this;
  }

  @Override
  public void cancel() {
    cancelled = true;
    finished.set(true);
    Attempt attempt = current;
    if (attempt != null) {
      attempt.abort();
    }
  }

  private void startAttempt(int number) {
    if (cancelled) {
      return;
    }
    Attempt attempt = new Attempt(number);
    current = attempt;
    try {
      BedrockStreamingChatModel model =
          parts.models().apply(new StreamAttemptClient(parts.clients().async, attempt.tag, attempt::started));
      model.chat(request, attempt);
    } catch (RuntimeException e) {
      attempt.onError(e);
    }
  }

  private void complete(GeneratedAnswer answer) {
    if (finished.compareAndSet(false, true)) {
      handler.onComplete(answer);
    }
  }

  private void fail(EgrettaException error) {
    if (finished.compareAndSet(false, true)) {
      handler.onError(error);
    }
  }

  /** One HTTP exchange; its callbacks count once, whichever path (future or subscriber) reports first. */
  private final class Attempt implements StreamingChatResponseHandler {
    private final int number;
    private final String tag = UUID.randomUUID().toString();
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile CompletableFuture<Void> exchange;
    private volatile StreamingHandle handle;

    Attempt(int number) {
      this.number = number;
    }

    void started(CompletableFuture<Void> future) {
      this.exchange = future;
      future.whenComplete((ok, error) -> {
        if (error == null && !done.get() && !cancelled) {
          // LangChain4j completes on the metadata event, delivered just before the exchange ends;
          // give it a moment, then report a stream that ended without one.
          parts.scheduler().schedule(() -> onError(new UpstreamException("Bedrock's stream for model " + modelId
              + " ended without its final metadata event (no usage reported)")), 200, TimeUnit.MILLISECONDS);
        }
      });
      if (cancelled) {
        abort();
      }
    }

    /** Closes the attempt's connection, then stops the SDK call and LangChain4j's subscription. */
    void abort() {
      done.set(true);
      parts.clients().asyncHttp.abort(tag);
      CompletableFuture<Void> f = exchange;
      if (f != null) {
        f.cancel(true);
      }
      StreamingHandle h = handle;
      if (h != null) {
        h.cancel();
      }
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
      handle = context.streamingHandle();
      if (cancelled || done.get()) {
        handle.cancel();
        return;
      }
      String delta = partial.text();
      if (delta == null || delta.isEmpty()) {
        return;
      }
      deltaSent = true;
      synchronized (text) {
        text.append(delta);
      }
      handler.onDelta(delta);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
      if (cancelled || !done.compareAndSet(false, true)) {
        return;
      }
      try {
        String streamed;
        synchronized (text) {
          streamed = text.toString();
        }
        complete(Answers.from(response, modelId, streamed));
      } catch (RuntimeException e) {
        fail(parts.errors().translate(e, modelId).error());
      }
    }

    @Override
    public void onError(Throwable error) {
      if (cancelled || !done.compareAndSet(false, true)) {
        return;
      }
      BedrockErrors.Failure failure = parts.errors().translate(error, modelId);
      if (failure.retryable() && !deltaSent && number < parts.retrier().maxRetries()) {
        Duration wait = parts.retrier().delay(number);
        parts.scheduler().schedule(() -> startAttempt(number + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
        return;
      }
      fail(parts.retrier().exhausted(failure, number + 1));
    }
  }
}
