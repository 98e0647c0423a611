package dev.egretta.bedrock;

import dev.egretta.core.Cancellable;
import dev.egretta.core.EgrettaException;
import dev.egretta.core.UpstreamException;
import dev.egretta.core.generation.ChatModelAnswerGenerator;
import dev.egretta.core.spi.AnswerStreamHandler;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.egretta.core.spi.GenerationRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * One streamed answer: ConverseStream through LangChain4j and core's {@link ChatModelAnswerGenerator},
 * deltas forwarded as Bedrock sends them, usage from the final metadata event. A retryable failure
 * (throttling, also as an exception event inside the stream) is retried with backoff only while no
 * delta has reached the handler; after that the handler gets the error. Exactly one of
 * {@code onComplete}/{@code onError} reaches the handler, and nothing at all once the consumer cancelled.
 */
final class StreamingCall implements Cancellable {
  private final GeneratorParts parts;
  private final GenerationRequest request;
  private final String modelId;
  private final AnswerStreamHandler handler;
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile boolean cancelled;
  private volatile boolean deltaSent;
  private volatile Attempt current;

  /** What a streaming call needs from its generator; {@code generators} makes one per attempt's client. */
  record GeneratorParts(BedrockClients clients, BedrockErrors errors, Retrier retrier,
      ScheduledExecutorService scheduler, Function<BedrockRuntimeAsyncClient, ChatModelAnswerGenerator> generators) {}

  StreamingCall(GeneratorParts parts, GenerationRequest request, AnswerStreamHandler handler) {
    this.parts = parts;
    this.request = request;
    this.modelId = request.model().modelId();
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
      ChatModelAnswerGenerator generator =
          parts.generators().apply(new StreamAttemptClient(parts.clients().async, attempt.tag, attempt::started));
      attempt.inner = generator.stream(request, attempt);
    } catch (RuntimeException e) {
      attempt.fail(e);
    }
  }

  /** One HTTP exchange; its outcome counts once, whichever path (LangChain4j or the SDK future) reports first. */
  private final class Attempt implements AnswerStreamHandler {
    private final int number;
    private final String tag = UUID.randomUUID().toString();
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile CompletableFuture<Void> exchange;
    private volatile Cancellable inner;

    Attempt(int number) {
      this.number = number;
    }

    /** The SDK call started; watch for a stream that ends without the metadata event LangChain4j completes on. */
    void started(CompletableFuture<Void> future) {
      this.exchange = future;
      future.whenComplete((ok, error) -> {
        if (error == null && !done.get() && !cancelled) {
          // LangChain4j completes on the metadata event, delivered just before the exchange ends;
          // give it a moment, then report a stream that ended without one.
          parts.scheduler().schedule(() -> fail(new UpstreamException("Bedrock's stream for model " + modelId
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
      Cancellable c = inner;
      if (c != null) {
        c.cancel();
      }
    }

    @Override
    public void onDelta(String text) {
      if (cancelled || done.get() || text.isEmpty()) {
        return;
      }
      deltaSent = true;
      handler.onDelta(text);
    }

    @Override
    public void onComplete(GeneratedAnswer answer) {
      if (cancelled || !done.compareAndSet(false, true)) {
        return;
      }
      if (finished.compareAndSet(false, true)) {
        handler.onComplete(answer);
      }
    }

    @Override
    public void onError(EgrettaException error) {
      fail(error);
    }

    void fail(Throwable error) {
      if (cancelled || !done.compareAndSet(false, true)) {
        return;
      }
      BedrockErrors.Failure failure = parts.errors().translate(error, modelId);
      if (failure.retryable() && !deltaSent && number < parts.retrier().maxRetries()) {
        Duration wait = parts.retrier().delay(number);
        parts.scheduler().schedule(() -> startAttempt(number + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
        return;
      }
      if (finished.compareAndSet(false, true)) {
        handler.onError(parts.retrier().exhausted(failure, number + 1));
      }
    }
  }
}
