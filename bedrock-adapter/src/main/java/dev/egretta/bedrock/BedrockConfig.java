package dev.egretta.bedrock;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the Bedrock adapter reaches Amazon Bedrock Runtime: region, credentials, endpoint, timeouts,
 * retries and inference settings. Immutable; build it with {@link #builder()}.
 *
 * <p>Defaults: region and credentials from the standard AWS chains (environment, system properties,
 * {@code ~/.aws/config}, container and instance roles); connect timeout 5 s; read timeout 60 s (the
 * longest silence tolerated between two reads of a response, streams included); 2 retries of
 * throttled or unavailable calls with exponential backoff from 500 ms up to 8 s; at most 2,048
 * output tokens; temperature 0.2.
 */
public final class BedrockConfig {

  /** Where the adapter takes AWS credentials from. */
  public enum CredentialsMode {
    /** The AWS default chain: environment, system properties, profile files, container/instance roles. */
    DEFAULT_CHAIN,
    /** A fixed access key (and optional session token) given to the builder. */
    STATIC,
    /** A named profile of the shared AWS config and credentials files. */
    PROFILE
  }

  private final String region;
  private final CredentialsMode credentialsMode;
  private final String accessKeyId;
  private final String secretAccessKey;
  private final String sessionToken;
  private final String profileName;
  private final URI endpointOverride;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final int maxOutputTokens;
  private final double temperature;

  private BedrockConfig(Builder b) {
    this.region = b.region;
    this.credentialsMode = b.credentialsMode;
    this.accessKeyId = b.accessKeyId;
    this.secretAccessKey = b.secretAccessKey;
    this.sessionToken = b.sessionToken;
    this.profileName = b.profileName;
    this.endpointOverride = b.endpointOverride;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxOutputTokens = b.maxOutputTokens;
    this.temperature = b.temperature;
  }

  /** A builder with the defaults described above. */
  public static Builder builder() {
    return new Builder();
  }

  /** The AWS region, e.g. {@code us-east-1}; empty = the AWS default region chain decides. */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  public CredentialsMode credentialsMode() {
    return credentialsMode;
  }

  /** The profile name when {@link #credentialsMode()} is {@link CredentialsMode#PROFILE}. */
  public Optional<String> profileName() {
    return Optional.ofNullable(profileName);
  }

  /** The endpoint to call instead of the region's Bedrock Runtime endpoint (VPC endpoint, proxy, test server). */
  public Optional<URI> endpointOverride() {
    return Optional.ofNullable(endpointOverride);
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The longest silence tolerated while reading a response (or between two events of a stream). */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** How often a throttled or unavailable call is retried (0 = never); the AWS SDK itself never retries. */
  public int maxRetries() {
    return maxRetries;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public int maxOutputTokens() {
    return maxOutputTokens;
  }

  public double temperature() {
    return temperature;
  }

  String accessKeyId() {
    return accessKeyId;
  }

  String secretAccessKey() {
    return secretAccessKey;
  }

  Optional<String> sessionToken() {
    return Optional.ofNullable(sessionToken);
  }

  /** A description for logs and errors; never contains the secret key or the session token. */
  @Override
  public String toString() {
    return "BedrockConfig[region=" + (region == null ? "<default chain>" : region)
        + ", credentials=" + credentialsMode
        + (credentialsMode == CredentialsMode.PROFILE ? "(" + profileName + ")" : "")
        + (credentialsMode == CredentialsMode.STATIC ? "(" + accessKeyId + ")" : "")
        + ", endpoint=" + (endpointOverride == null ? "<regional>" : endpointOverride)
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", maxRetries=" + maxRetries + ", backoff=" + initialBackoff + ".." + maxBackoff
        + ", maxOutputTokens=" + maxOutputTokens + ", temperature=" + temperature + "]";
  }

  /** Validating builder; every setter rejects a bad value at once with a message naming it. */
  public static final class Builder {
    private String region;
    private CredentialsMode credentialsMode = CredentialsMode.DEFAULT_CHAIN;
    private String accessKeyId;
    private String secretAccessKey;
    private String sessionToken;
    private String profileName;
    private URI endpointOverride;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(60);
    private int maxRetries = 2;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private int maxOutputTokens = 2048;
    private double temperature = 0.2;

    private Builder() {}

    /** The AWS region, e.g. {@code us-east-1}. */
    public Builder region(String region) {
      Objects.requireNonNull(region, "region");
      if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
        throw new IllegalArgumentException("region must look like us-east-1; got '" + region + "'");
      }
      this.region = region;
      return this;
    }

    /** Credentials from the AWS default chain (the default). */
    public Builder defaultCredentials() {
      clearCredentials();
      this.credentialsMode = CredentialsMode.DEFAULT_CHAIN;
      return this;
    }

    /** A fixed access key pair. */
    public Builder staticCredentials(String accessKeyId, String secretAccessKey) {
      return staticCredentials(accessKeyId, secretAccessKey, null);
    }

    /** A fixed access key pair with a session token (temporary credentials); the token may be null. */
    public Builder staticCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
      if (accessKeyId == null || accessKeyId.isBlank()) {
        throw new IllegalArgumentException("static credentials need a non-blank access key id");
      }
      if (secretAccessKey == null || secretAccessKey.isBlank()) {
        throw new IllegalArgumentException("static credentials need a non-blank secret access key");
      }
      clearCredentials();
      this.credentialsMode = CredentialsMode.STATIC;
      this.accessKeyId = accessKeyId;
      this.secretAccessKey = secretAccessKey;
      this.sessionToken = sessionToken == null || sessionToken.isBlank() ? null : sessionToken;
      return this;
    }

    /** A named profile of {@code ~/.aws/config} / {@code ~/.aws/credentials}. */
    public Builder profileCredentials(String profileName) {
      if (profileName == null || profileName.isBlank()) {
        throw new IllegalArgumentException("profile credentials need a non-blank profile name");
      }
      clearCredentials();
      this.credentialsMode = CredentialsMode.PROFILE;
      this.profileName = profileName;
      return this;
    }

    /** Calls this endpoint instead of the regional one; must be an absolute http(s) URI. */
    public Builder endpointOverride(URI endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      String scheme = endpoint.getScheme();
      if (!endpoint.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme)) || endpoint.getHost() == null) {
        throw new IllegalArgumentException("endpoint override must be an absolute http(s) URI; got '" + endpoint + "'");
      }
      this.endpointOverride = endpoint;
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /** Retries of throttled or unavailable calls, 0..10. */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries must be in 0..10; got " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /** Exponential backoff: the first wait, doubled per retry (with jitter) up to {@code max}. */
    public Builder backoff(Duration initial, Duration max) {
      positive(initial, "initial backoff");
      positive(max, "max backoff");
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("max backoff " + max + " must be >= initial backoff " + initial);
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /** The most tokens the model may write, 1..200,000. */
    public Builder maxOutputTokens(int maxOutputTokens) {
      if (maxOutputTokens < 1 || maxOutputTokens > 200_000) {
        throw new IllegalArgumentException("maxOutputTokens must be in 1..200000; got " + maxOutputTokens);
      }
      this.maxOutputTokens = maxOutputTokens;
      return this;
    }

    /** Sampling temperature, 0.0..1.0 (the range every Converse model accepts). */
    public Builder temperature(double temperature) {
      if (!(temperature >= 0.0 && temperature <= 1.0)) {
        throw new IllegalArgumentException("temperature must be in [0.0, 1.0]; got " + temperature);
      }
      this.temperature = temperature;
      return this;
    }

    public BedrockConfig build() {
      return new BedrockConfig(this);
    }

    private void clearCredentials() {
      accessKeyId = null;
      secretAccessKey = null;
      sessionToken = null;
      profileName = null;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive; got " + d);
      }
      return d;
    }
  }
}
