package dev.egretta.bedrock;

import dev.egretta.core.ConfigurationException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The AWS SDK clients one adapter instance uses: a blocking client on the Apache HTTP client and an
 * async client on Netty (HTTP/1.1, which is what Bedrock Runtime's event streams use). The SDK's
 * own retries are switched off: {@link Retrier} is the only retry layer.
 */
final class BedrockClients implements AutoCloseable {
  final Region region;
  final BedrockRuntimeClient sync;
  final BedrockRuntimeAsyncClient async;
  final AbortableHttpClient asyncHttp;

  private BedrockClients(Region region, BedrockRuntimeClient sync, BedrockRuntimeAsyncClient async,
      AbortableHttpClient asyncHttp) {
    this.region = region;
    this.sync = sync;
    this.async = async;
    this.asyncHttp = asyncHttp;
  }

  static BedrockClients create(BedrockConfig config) {
    Region region = resolveRegion(config);
    AwsCredentialsProvider credentials = credentials(config);
    ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder()
        .retryStrategy(AwsRetryStrategy.doNotRetry())
        .build();

    var syncBuilder = BedrockRuntimeClient.builder()
        .region(region)
        .credentialsProvider(credentials)
        .overrideConfiguration(overrides)
        .httpClientBuilder(ApacheHttpClient.builder()
            .connectionTimeout(config.connectTimeout())
            .socketTimeout(config.readTimeout()));
    AbortableHttpClient asyncHttp = new AbortableHttpClient(NettyNioAsyncHttpClient.builder()
        .protocol(Protocol.HTTP1_1)
        .connectionTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .build());
    var asyncBuilder = BedrockRuntimeAsyncClient.builder()
        .region(region)
        .credentialsProvider(credentials)
        .overrideConfiguration(overrides)
        .httpClient(asyncHttp);
    config.endpointOverride().ifPresent(uri -> {
      syncBuilder.endpointOverride(uri);
      asyncBuilder.endpointOverride(uri);
    });
    BedrockRuntimeClient sync = null;
    try {
      sync = syncBuilder.build();
      return new BedrockClients(region, sync, asyncBuilder.build(), asyncHttp);
    } catch (RuntimeException e) {
      if (sync != null) {
        sync.close();
      }
      asyncHttp.close();
      throw e;
    }
  }

  static Region resolveRegion(BedrockConfig config) {
    if (config.region().isPresent()) {
      return Region.of(config.region().get());
    }
    try {
      return DefaultAwsRegionProviderChain.builder().build().getRegion();
    } catch (SdkClientException e) {
      throw new ConfigurationException("no AWS region configured for Bedrock: set it in BedrockConfig "
          + "(CLI: --bedrock-region) or through AWS_REGION / the AWS config file", e);
    }
  }

  static AwsCredentialsProvider credentials(BedrockConfig config) {
    return switch (config.credentialsMode()) {
      case DEFAULT_CHAIN -> DefaultCredentialsProvider.builder().build();
      case PROFILE -> ProfileCredentialsProvider.create(config.profileName().orElseThrow());
      case STATIC -> {
        AwsCredentials credentials = config.sessionToken()
            .<AwsCredentials>map(token -> AwsSessionCredentials.create(config.accessKeyId(), config.secretAccessKey(), token))
            .orElseGet(() -> AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey()));
        yield StaticCredentialsProvider.create(credentials);
      }
    };
  }

  @Override
  public void close() {
    try {
      sync.close();
    } finally {
      try {
        async.close();
      } finally {
        asyncHttp.close(); // a client given to the SDK builder is not closed by the SDK
      }
    }
  }
}
