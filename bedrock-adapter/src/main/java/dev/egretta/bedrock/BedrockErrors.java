package dev.egretta.bedrock;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.EgrettaException;
import dev.egretta.core.InvalidRequestException;
import dev.egretta.core.RateLimitedException;
import dev.egretta.core.UpstreamException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Translates whatever the AWS SDK or LangChain4j threw (also when core's generic translation already
 * wrapped it) into an Egretta exception that names the model and region, and says whether another
 * attempt may succeed. AWS SDK types stay in the cause
 * chain (for logs) and never appear in a signature.
 */
final class BedrockErrors {

  /** The translated error and whether the call is worth retrying (throttled or briefly unavailable). */
  record Failure(EgrettaException error, boolean retryable) {}

  private static final Set<String> BAD_CREDENTIALS = Set.of(
      "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException",
      "IncompleteSignatureException", "MissingAuthenticationTokenException");

  private final String region;
  private final Duration readTimeout;

  BedrockErrors(String region, Duration readTimeout) {
    this.region = region;
    this.readTimeout = readTimeout;
  }

  Failure translate(Throwable thrown, String modelId) {
    if (thrown instanceof EgrettaException e && e.getCause() == null) {
      return new Failure(e, false); // raised by Egretta itself, nothing underneath to refine
    }
    AwsServiceException service = find(thrown, AwsServiceException.class);
    if (service != null) {
      return fromService(service, modelId);
    }
    SdkServiceException plainService = find(thrown, SdkServiceException.class);
    if (plainService != null) {
      return fromStatus(plainService, plainService.statusCode(), plainService.getMessage(), modelId);
    }
    if (isTimeout(thrown)) {
      return new Failure(new UpstreamException("Bedrock did not answer for model " + modelId + " in " + region
          + " within the read timeout of " + readTimeout.toMillis() + " ms", true, thrown), false);
    }
    if (find(thrown, ConnectException.class) != null || find(thrown, UnknownHostException.class) != null) {
      return new Failure(new UpstreamException("cannot reach the Bedrock Runtime endpoint for " + region + ": "
          + rootMessage(thrown), false, thrown), true);
    }
    SdkClientException client = find(thrown, SdkClientException.class);
    String message = client != null ? client.getMessage() : rootMessage(thrown);
    String lower = String.valueOf(message).toLowerCase(Locale.ROOT);
    if (lower.contains("unable to load credentials") || lower.contains("unable to load region")
        || lower.contains("profile file")) {
      return new Failure(new ConfigurationException("AWS credentials or region for Bedrock are not usable: "
          + message, thrown), false);
    }
    return new Failure(new UpstreamException("Bedrock sent a response for model " + modelId + " in " + region
        + " that could not be read: " + rootMessage(thrown), false, thrown), false);
  }

  private Failure fromService(AwsServiceException e, String modelId) {
    String detail = detail(e);
    String where = "model " + modelId + " in region " + region;
    if (e instanceof ThrottlingException || e instanceof ServiceQuotaExceededException || e.isThrottlingException()) {
      return new Failure(new RateLimitedException("Bedrock throttled " + where + ": " + detail,
          Duration.ofSeconds(1), e), true);
    }
    if (e instanceof AccessDeniedException) {
      return new Failure(new ConfigurationException("Bedrock denied access to " + where + ": " + detail
          + ". Enable access to this model in the Bedrock console of " + region + " and allow "
          + "bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream to the calling IAM identity", e), false);
    }
    if (e instanceof ResourceNotFoundException) {
      return new Failure(new ConfigurationException("Bedrock does not offer " + where + ": " + detail
          + ". Check the model or inference-profile id and the region", e), false);
    }
    if (e instanceof ValidationException) {
      String lower = detail.toLowerCase(Locale.ROOT);
      if (lower.contains("model identifier") || lower.contains("model id") || lower.contains("inference profile")
          || lower.contains("on-demand throughput")) {
        return new Failure(new ConfigurationException("Bedrock rejected the model id for " + where + ": " + detail, e),
            false);
      }
      return new Failure(InvalidRequestException.of("query", "Bedrock rejected the request to " + where + ": "
          + detail), false);
    }
    if (e instanceof ModelTimeoutException) {
      return new Failure(new UpstreamException("Bedrock timed out while " + where + " was generating: " + detail,
          true, e), false);
    }
    if (e instanceof ServiceUnavailableException || e instanceof InternalServerException
        || e instanceof ModelNotReadyException) {
      return new Failure(new UpstreamException("Bedrock is unavailable for " + where + ": " + detail, false, e), true);
    }
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    if (code != null && BAD_CREDENTIALS.contains(code)) {
      return new Failure(new ConfigurationException("Bedrock rejected the AWS credentials (" + code + ") for "
          + where + ": " + detail, e), false);
    }
    return fromStatus(e, e.statusCode(), detail, modelId);
  }

  private Failure fromStatus(Throwable e, int status, String detail, String modelId) {
    String where = "model " + modelId + " in region " + region;
    if (status == 429) {
      return new Failure(new RateLimitedException("Bedrock throttled " + where + ": " + detail,
          Duration.ofSeconds(1), e), true);
    }
    if (status == 401 || status == 403) {
      return new Failure(new ConfigurationException("Bedrock refused " + where + " (HTTP " + status + "): " + detail,
          e), false);
    }
    if (status >= 500) {
      return new Failure(new UpstreamException("Bedrock failed for " + where + " (HTTP " + status + "): " + detail,
          false, e), status == 500 || status == 502 || status == 503 || status == 504);
    }
    return new Failure(new UpstreamException("Bedrock answered HTTP " + status + " for " + where + ": " + detail,
        false, e), false);
  }

  private static String detail(AwsServiceException e) {
    var details = e.awsErrorDetails();
    String message = details != null && details.errorMessage() != null ? details.errorMessage() : e.getMessage();
    String code = details != null ? details.errorCode() : null;
    String requestId = e.requestId();
    return (code == null ? "" : code + ": ") + message + (requestId == null ? "" : " (request id " + requestId + ")");
  }

  private static boolean isTimeout(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException || t instanceof ApiCallTimeoutException
          || t instanceof ApiCallAttemptTimeoutException || t instanceof java.util.concurrent.TimeoutException
          || t instanceof dev.langchain4j.exception.TimeoutException
          || t.getClass().getName().equals("io.netty.handler.timeout.ReadTimeoutException")) {
        return true;
      }
      String message = t.getMessage();
      if (message != null && message.toLowerCase(Locale.ROOT).contains("read timed out")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
    int depth = 0;
    for (Throwable t = thrown; t != null && depth < 20; t = t.getCause(), depth++) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String rootMessage(Throwable thrown) {
    Throwable root = thrown;
    int depth = 0;
    while (root.getCause() != null && root.getCause() != root && depth++ < 20) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
