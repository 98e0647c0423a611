package dev.egretta.core.generation;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The small model calls around an answer (choosing the mode of {@code auto}, writing follow-up
 * questions and a session title), each bounded by a timeout, through any LangChain4j
 * {@link ChatModel}; a cheap model serves well. A call that fails, times out or returns nothing gives
 * {@link Optional#empty()}, never an exception, so each caller falls back to what works without a model.
 * Thread-safe when the chat model is.
 *
 * <pre>{@code
 * EgrettaEngine.builder().retriever(kb).modelAssist(ModelAssist.of(chatModel)).build();
 * }</pre>
 */
public final class ModelAssist {
  private static final System.Logger LOG = System.getLogger(ModelAssist.class.getName());

  private final ChatModel model;
  private final Duration timeout;

  private ModelAssist(ChatModel model, Duration timeout) {
    this.model = model;
    this.timeout = timeout;
  }

  /** Calls {@code model} with a 10 second limit per call. */
  public static ModelAssist of(ChatModel model) {
    return of(model, Duration.ofSeconds(10));
  }

  /** Calls {@code model}, giving up on a call after {@code timeout} (100 ms .. 5 minutes). */
  public static ModelAssist of(ChatModel model, Duration timeout) {
    Objects.requireNonNull(model, "model");
    if (timeout == null || timeout.toMillis() < 100 || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("model assist timeout must be 100 ms .. 5 minutes; got " + timeout);
    }
    return new ModelAssist(model, timeout);
  }

  /** The timeout of one call. */
  public Duration timeout() {
    return timeout;
  }

  /**
   * The model's reply to one system instruction and one user message, or empty when the call fails,
   * times out or the reply is blank. {@code purpose} names the call in the log.
   */
  public Optional<String> ask(String purpose, String system, String user) {
    ChatRequest request = ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(user)).build();
    // A virtual thread per call, so a model that hangs past the timeout holds no pool thread; it is interrupted.
    CompletableFuture<String> call = new CompletableFuture<>();
    Thread worker = Thread.ofVirtual().name("egretta-model-assist").start(() -> {
      try {
        call.complete(model.chat(request).aiMessage().text());
      } catch (Throwable t) {
        call.completeExceptionally(t);
      }
    });
    try {
      String text = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    } catch (TimeoutException e) {
      worker.interrupt();
      LOG.log(Level.WARNING, "the model did not answer the " + purpose + " call within " + timeout.toMillis()
          + " ms; falling back");
      return Optional.empty();
    } catch (ExecutionException e) {
      LOG.log(Level.WARNING, "the model's " + purpose + " call failed (" + e.getCause() + "); falling back");
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the model's " + purpose + " call failed (" + e + "); falling back");
      return Optional.empty();
    }
  }
}
