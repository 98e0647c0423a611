package dev.egretta.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.RateLimitedException;
import dev.egretta.core.UpstreamException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The translation of the AWS errors a real bucket gives (S3Mock checks no permissions, so they are built here). */
class S3ErrorsTest {

  private static S3Exception s3(int status, String code, String message) {
    return (S3Exception) S3Exception.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
  }

  @Test
  void deniedListingIsAConfigurationErrorNamingLocationAndPermission() {
    var e = S3Errors.forSource("listing s3://b/p", "AWS S3", s3(403, "AccessDenied", "Access Denied"));
    assertThat(e).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("access denied listing s3://b/p at AWS S3")
        .hasMessageContaining("403 AccessDenied")
        .hasMessageContaining("s3:ListBucket");
  }

  @Test
  void wrongRegionAndMissingCredentialsAreConfigurationErrors() {
    assertThat(S3Errors.forSource("listing s3://b/p", "AWS S3", s3(301, "PermanentRedirect", "use eu-west-1")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("wrong region");
    assertThat(S3Errors.forSource("listing s3://b/p", "AWS S3",
        SdkClientException.create("Unable to load credentials from any of the providers in the chain")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("Unable to load credentials");
  }

  @Test
  void throttlingServerErrorsAndTimeoutsAreUpstreamFailures() {
    assertThat(S3Errors.forSource("listing s3://b/p", "AWS S3", s3(503, "SlowDown", "Please reduce your request rate")))
        .isInstanceOf(RateLimitedException.class);
    assertThat(S3Errors.forSource("listing s3://b/p", "AWS S3", s3(500, "InternalError", "oops")))
        .isInstanceOf(UpstreamException.class);
    var timeout = S3Errors.forSource("listing s3://b/p", "AWS S3",
        SdkClientException.create("read failed", new SocketTimeoutException("Read timed out")));
    assertThat(timeout).isInstanceOf(UpstreamException.class);
    assertThat(((UpstreamException) timeout).isTimeout()).isTrue();
  }

  @Test
  void aDeniedObjectIsRejectedAloneButAFailingStoreStopsTheRun() {
    IOException denied = S3Errors.forObject("s3://b/k.pdf", "AWS S3", s3(403, "AccessDenied", "Access Denied"));
    assertThat(denied).hasMessageContaining("access denied reading s3://b/k.pdf").hasMessageContaining("s3:GetObject");
    assertThatThrownBy(() -> S3Errors.forObject("s3://b/k.pdf", "AWS S3", SdkClientException.create("Connection refused")))
        .isInstanceOf(UpstreamException.class).hasMessageContaining("reading s3://b/k.pdf");
  }
}
