package dev.egretta.bedrock;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;

/**
 * A view of the shared async client for one streaming attempt: tags the request so that the attempt
 * can close its connection ({@link AbortableHttpClient}), and hands the attempt the SDK's future of
 * the call. LangChain4j keeps that future to itself; the attempt needs it to notice a stream that ends
 * without the final metadata event (LangChain4j would then never call back).
 */
final class StreamAttemptClient implements BedrockRuntimeAsyncClient {
  private final BedrockRuntimeAsyncClient delegate;
  private final String tag;
  private final Consumer<CompletableFuture<Void>> onStarted;

  /** @param tag sent as {@link AbortableHttpClient#TAG_HEADER} so the attempt can close its connection */
  StreamAttemptClient(BedrockRuntimeAsyncClient delegate, String tag, Consumer<CompletableFuture<Void>> onStarted) {
    this.delegate = delegate;
    this.tag = tag;
    this.onStarted = onStarted;
  }

  @Override
  public CompletableFuture<Void> converseStream(ConverseStreamRequest request, ConverseStreamResponseHandler handler) {
    ConverseStreamRequest tagged = request.toBuilder()
        .overrideConfiguration(o -> o.putHeader(AbortableHttpClient.TAG_HEADER, tag))
        .build();
    CompletableFuture<Void> exchange = delegate.converseStream(tagged, handler);
    onStarted.accept(exchange);
    return exchange;
  }

  @Override
  public String serviceName() {
    return delegate.serviceName();
  }

  /** The shared client outlives the attempt; the generator closes it. */
  @Override
  public void close() {}
}
