package dev.egretta.s3;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.EgrettaException;
import dev.egretta.core.RateLimitedException;
import dev.egretta.core.UpstreamException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Translates AWS SDK exceptions at the adapter boundary into Egretta's exceptions (or per-object IOExceptions). */
final class S3Errors {

  private S3Errors() {}

  /** A failure of a whole-source operation (listing): configuration problems vs. an unreachable or failing store. */
  static EgrettaException forSource(String action, String endpoint, SdkException e) {
    String where = action + " at " + endpoint;
    if (e instanceof S3Exception s3) {
      String code = errorCode(s3);
      int status = s3.statusCode();
      String detail = " (" + status + " " + code + ": " + awsMessage(s3) + ")";
      if (status == 403 || code.equals("InvalidAccessKeyId") || code.equals("SignatureDoesNotMatch")) {
        return new ConfigurationException("access denied " + where + detail
            + "; check the credentials and that they allow s3:ListBucket", e);
      }
      if (code.equals("NoSuchBucket")) {
        return new ConfigurationException("no such bucket: " + where + detail, e);
      }
      if (status == 301 || code.equals("PermanentRedirect") || code.equals("AuthorizationHeaderMalformed")) {
        return new ConfigurationException("wrong region or endpoint " + where + detail
            + "; set the bucket's region (AWS_REGION)", e);
      }
      if (status == 503 && code.equals("SlowDown")) {
        return new RateLimitedException("S3 throttled " + where + detail, Duration.ofSeconds(5), e);
      }
      return new UpstreamException("S3 failed " + where + detail, false, e);
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("Unable to load credentials") || message.contains("Unable to load region")) {
      return new ConfigurationException("cannot " + where + ": " + message, e);
    }
    return new UpstreamException("cannot reach S3 " + where + ": " + message, isTimeout(e), e);
  }

  /**
   * A failure to fetch one object. Problems of that object alone (denied, gone, changed since listing)
   * become an {@link IOException} so that ingestion rejects just this document; an unreachable or
   * failing store stops the whole run with an {@link EgrettaException}.
   */
  static IOException forObject(String uri, String endpoint, SdkException e) {
    if (e instanceof S3Exception s3) {
      int status = s3.statusCode();
      String code = errorCode(s3);
      String detail = " (" + status + " " + code + ": " + awsMessage(s3) + ")";
      if (status == 403) {
        return new IOException("access denied reading " + uri + detail + "; check s3:GetObject permission", e);
      }
      if (status == 404) {
        return new IOException(uri + " no longer exists" + detail + "; it will be removed by the next sync", e);
      }
      if (status == 412) {
        return new IOException(uri + " changed since it was listed" + detail + "; run the sync again", e);
      }
    }
    throw forSource("reading " + uri, endpoint, e);
  }

  private static String errorCode(S3Exception e) {
    if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null) {
      return e.awsErrorDetails().errorCode();
    }
    return "(no code)";
  }

  private static String awsMessage(S3Exception e) {
    if (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null) {
      return e.awsErrorDetails().errorMessage();
    }
    return String.valueOf(e.getMessage());
  }

  private static boolean isTimeout(SdkException e) {
    if (e instanceof ApiCallTimeoutException) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return true;
      }
    }
    return e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("timed out");
  }
}
