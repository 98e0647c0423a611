package dev.egretta.bedrock;

import dev.egretta.core.EgrettaException;
import dev.egretta.core.RateLimitedException;
import dev.egretta.core.UpstreamException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The one retry layer of the adapter (the AWS SDK's and LangChain4j's own retries are off): retries
 * a call whose failure is {@linkplain BedrockErrors.Failure#retryable() retryable} at most
 * {@code maxRetries} times, waiting an exponentially growing, jittered delay in between.
 */
final class Retrier {
  private static final System.Logger LOG = System.getLogger(Retrier.class.getName());

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final BedrockErrors errors;

  Retrier(BedrockConfig config, BedrockErrors errors) {
    this.maxRetries = config.maxRetries();
    this.initialBackoff = config.initialBackoff();
    this.maxBackoff = config.maxBackoff();
    this.errors = errors;
  }

  int maxRetries() {
    return maxRetries;
  }

  /** The wait before retry number {@code retry} (0-based): half to all of initial × 2^retry, capped. */
  Duration delay(int retry) {
    long base = initialBackoff.toMillis() << Math.min(retry, 20);
    long capped = Math.min(Math.max(base, 1), maxBackoff.toMillis());
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    return Duration.ofMillis(jittered);
  }

  /** Runs {@code call}, retrying retryable failures; throws the translated error of the last attempt. */
  <T> T call(String modelId, Supplier<T> call) {
    for (int attempt = 0; ; attempt++) {
      BedrockErrors.Failure failure;
      try {
        return call.get();
      } catch (RuntimeException e) {
        failure = errors.translate(e, modelId);
      }
      if (!failure.retryable() || attempt >= maxRetries) {
        throw exhausted(failure, attempt + 1);
      }
      Duration wait = delay(attempt);
      LOG.log(System.Logger.Level.DEBUG, () -> "retrying Bedrock call to " + modelId + " in " + wait.toMillis()
          + " ms after: " + failure.error().getMessage());
      sleep(wait);
    }
  }

  /** The error to report once no retry is left; throttling says how often it was tried. */
  EgrettaException exhausted(BedrockErrors.Failure failure, int attempts) {
    EgrettaException error = failure.error();
    if (!failure.retryable() || attempts <= 1) {
      return error;
    }
    String message = error.getMessage() + " (gave up after " + attempts + " attempts)";
    if (error instanceof RateLimitedException rate) {
      return new RateLimitedException(message, maxBackoff.compareTo(rate.retryAfter()) > 0 ? maxBackoff
          : rate.retryAfter(), error.getCause());
    }
    if (error instanceof UpstreamException up) {
      return new UpstreamException(message, up.isTimeout(), error.getCause());
    }
    return error;
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException("interrupted while waiting to retry a throttled Bedrock call", false, e);
    }
  }
}
