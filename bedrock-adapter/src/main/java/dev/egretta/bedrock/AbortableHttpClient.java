package dev.egretta.bedrock;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * The async HTTP client with a handle on each tagged exchange, so that a cancelled stream closes its
 * connection. Cancelling the AWS SDK's event subscription (or its future) only stops delivery: the
 * SDK keeps reading, and Bedrock keeps generating and billing, until the model finishes. Cancelling
 * the subscription to the raw response bytes makes the Netty client close the channel.
 */
final class AbortableHttpClient implements SdkAsyncHttpClient {
  /** Request header that tags an exchange; a value unique per streaming attempt. */
  static final String TAG_HEADER = "x-egretta-stream-attempt";

  private final SdkAsyncHttpClient delegate;
  private final Map<String, Exchange> inFlight = new ConcurrentHashMap<>();
  /** Tags aborted before their request reached the HTTP layer, with when; kept for a minute at most. */
  private final Map<String, Long> abortedEarly = new ConcurrentHashMap<>();

  AbortableHttpClient(SdkAsyncHttpClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
    String tag = request.request().firstMatchingHeader(TAG_HEADER).orElse(null);
    if (tag == null) {
      return delegate.execute(request);
    }
    if (abortedEarly.remove(tag) != null) {
      CompletableFuture<Void> refused = new CompletableFuture<>();
      refused.cancel(true);
      request.responseHandler().onError(new java.util.concurrent.CancellationException("stream cancelled before it was sent"));
      return refused;
    }
    Exchange exchange = new Exchange(request.responseHandler());
    inFlight.put(tag, exchange);
    AsyncExecuteRequest.Builder wrapped = AsyncExecuteRequest.builder()
        .request(request.request())
        .requestContentPublisher(request.requestContentPublisher())
        .responseHandler(exchange)
        .fullDuplex(request.fullDuplex())
        .httpExecutionAttributes(request.httpExecutionAttributes());
    request.metricCollector().ifPresent(wrapped::metricCollector);
    CompletableFuture<Void> future = delegate.execute(wrapped.build());
    exchange.future = future;
    future.whenComplete((ok, error) -> inFlight.remove(tag, exchange));
    return future;
  }

  /**
   * Closes the connection of the tagged exchange if it is running; true if there was one. A tag
   * whose request has not reached the HTTP layer yet is remembered, and that request is never sent.
   */
  boolean abort(String tag) {
    Exchange exchange = inFlight.remove(tag);
    if (exchange == null) {
      long now = System.nanoTime();
      abortedEarly.values().removeIf(at -> now - at > 60_000_000_000L);
      abortedEarly.put(tag, now);
      return false;
    }
    exchange.abort();
    return true;
  }

  @Override
  public String clientName() {
    return delegate.clientName();
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** Passes the response through and keeps the subscription to its body bytes. */
  private static final class Exchange implements SdkAsyncHttpResponseHandler {
    private final SdkAsyncHttpResponseHandler target;
    private volatile Subscription body;
    private volatile boolean aborted;
    volatile CompletableFuture<Void> future;

    Exchange(SdkAsyncHttpResponseHandler target) {
      this.target = target;
    }

    void abort() {
      aborted = true;
      Subscription s = body;
      if (s != null) {
        s.cancel();
      }
      CompletableFuture<Void> f = future;
      if (f != null) {
        f.cancel(true);
      }
    }

    @Override
    public void onHeaders(SdkHttpResponse headers) {
      target.onHeaders(headers);
    }

    @Override
    public void onStream(Publisher<ByteBuffer> stream) {
      target.onStream(subscriber -> stream.subscribe(new Subscriber<ByteBuffer>() {
        @Override
        public void onSubscribe(Subscription subscription) {
          body = subscription;
          if (aborted) {
            subscription.cancel();
          }
          subscriber.onSubscribe(subscription);
        }

        @Override
        public void onNext(ByteBuffer bytes) {
          subscriber.onNext(bytes);
        }

        @Override
        public void onError(Throwable error) {
          subscriber.onError(error);
        }

        @Override
        public void onComplete() {
          subscriber.onComplete();
        }
      }));
    }

    @Override
    public void onError(Throwable error) {
      target.onError(error);
    }
  }
}
