package dev.egretta.s3;

import dev.egretta.core.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Turns an {@link S3Config} into AWS SDK clients; the only place that knows the SDK's builders. */
final class S3Clients {

  /** The region S3-compatible stores (MinIO, Ceph) expect when none is configured. */
  static final String COMPATIBLE_DEFAULT_REGION = "us-east-1";

  private S3Clients() {}

  /** A synchronous client on the Apache HTTP client; the interceptors are for tests that count requests. */
  static S3Client client(S3Config config, List<ExecutionInterceptor> interceptors) {
    var builder = S3Client.builder()
        .region(region(config))
        .credentialsProvider(credentials(config))
        .forcePathStyle(config.pathStyleAccess())
        .httpClientBuilder(ApacheHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofSeconds(60)))
        .overrideConfiguration(o -> interceptors.forEach(o::addExecutionInterceptor));
    config.endpointOverride().ifPresent(endpoint -> builder
        .endpointOverride(endpoint)
        // Many S3-compatible stores reject or mangle the newer default CRC checksums: only send/check them when required.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
    return builder.build();
  }

  /** A presigner with the same region, endpoint, addressing style and credentials as {@link #client}. */
  static S3Presigner presigner(S3Config config) {
    var builder = S3Presigner.builder()
        .region(region(config))
        .credentialsProvider(credentials(config))
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyleAccess()).build());
    config.endpointOverride().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  static Region region(S3Config config) {
    if (config.region().isPresent()) {
      return Region.of(config.region().get());
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      if (config.endpointOverride().isPresent()) {
        return Region.of(COMPATIBLE_DEFAULT_REGION);
      }
      throw new ConfigurationException("no AWS region configured for S3: set AWS_REGION (or a profile's region),"
          + " or give one explicitly", e);
    }
  }

  static AwsCredentialsProvider credentials(S3Config config) {
    return config.staticCredentials()
        .<AwsCredentialsProvider>map(c -> StaticCredentialsProvider.create(c.sessionToken().isPresent()
            ? AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken().get())
            : AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())))
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }

  /** The endpoint requests go to, for messages. */
  static String describeEndpoint(S3Config config) {
    return config.endpointOverride().map(URI::toString).orElse("AWS S3");
  }
}
