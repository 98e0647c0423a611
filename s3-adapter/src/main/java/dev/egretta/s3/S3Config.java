package dev.egretta.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach S3 or an S3-compatible store (MinIO, Ceph): region, optional endpoint override,
 * path-style access, and credentials (the AWS default chain unless static ones are given).
 * Immutable; build with {@link #builder()}. {@code S3Config.builder().build()} uses the standard
 * AWS environment for everything ({@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, profiles, instance roles...).
 */
public final class S3Config {

  private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private final Optional<String> region;
  private final Optional<URI> endpointOverride;
  private final boolean pathStyleAccess;
  private final Optional<StaticCredentials> credentials;

  private S3Config(Builder b) {
    this.region = Optional.ofNullable(b.region);
    this.endpointOverride = Optional.ofNullable(b.endpointOverride);
    this.pathStyleAccess = b.pathStyleAccess;
    this.credentials = Optional.ofNullable(b.credentials);
  }

  /** A builder with every setting at its default (AWS default chain, virtual-hosted style, AWS endpoints). */
  public static Builder builder() {
    return new Builder();
  }

  /** The configured region; empty = from the AWS default region chain (us-east-1 for an endpoint override without one). */
  public Optional<String> region() {
    return region;
  }

  /** The endpoint to use instead of AWS's, e.g. {@code http://127.0.0.1:9000} for MinIO. */
  public Optional<URI> endpointOverride() {
    return endpointOverride;
  }

  /** Whether requests address buckets as {@code endpoint/bucket/key} instead of {@code bucket.endpoint/key}. */
  public boolean pathStyleAccess() {
    return pathStyleAccess;
  }

  /** Whether explicit credentials replace the AWS default credentials chain. */
  public boolean hasStaticCredentials() {
    return credentials.isPresent();
  }

  Optional<StaticCredentials> staticCredentials() {
    return credentials;
  }

  @Override
  public String toString() {
    return "S3Config[region=" + region.orElse("(default chain)")
        + ", endpoint=" + endpointOverride.map(URI::toString).orElse("(AWS)")
        + ", pathStyle=" + pathStyleAccess
        + ", credentials=" + credentials.map(c -> "static " + c.accessKeyId()).orElse("(default chain)") + "]";
  }

  /** Explicit credentials; the secret never appears in {@code toString}. */
  record StaticCredentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {
    StaticCredentials {
      Objects.requireNonNull(sessionToken, "sessionToken");
      if (accessKeyId == null || accessKeyId.isBlank()) {
        throw new IllegalArgumentException("static S3 credentials need a non-blank access key id");
      }
      if (secretAccessKey == null || secretAccessKey.isBlank()) {
        throw new IllegalArgumentException("static S3 credentials need a non-blank secret access key");
      }
      if (sessionToken.isPresent() && sessionToken.get().isBlank()) {
        throw new IllegalArgumentException("an S3 session token, when given, must not be blank");
      }
    }

    @Override
    public String toString() {
      return "StaticCredentials[" + accessKeyId + ", ***]";
    }
  }

  /** Validating builder of {@link S3Config}; each setter rejects a bad value at once with a message naming it. */
  public static final class Builder {
    private String region;
    private URI endpointOverride;
    private boolean pathStyleAccess;
    private StaticCredentials credentials;

    private Builder() {}

    /** The AWS region, e.g. {@code eu-west-1}; {@code null} = from the default region chain. */
    public Builder region(String region) {
      if (region != null && !REGION.matcher(region).matches()) {
        throw new IllegalArgumentException("invalid AWS region '" + region + "': expected e.g. us-east-1");
      }
      this.region = region;
      return this;
    }

    /**
     * An http(s) endpoint to use instead of AWS's, e.g. {@code http://127.0.0.1:9000}; {@code null} = AWS.
     *
     * @throws IllegalArgumentException when it is not an absolute http or https URL with a host
     */
    public Builder endpointOverride(String endpoint) {
      if (endpoint == null) {
        this.endpointOverride = null;
        return this;
      }
      URI uri;
      try {
        uri = new URI(endpoint.strip());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("invalid S3 endpoint '" + endpoint + "': " + e.getReason(), e);
      }
      return endpointOverride(uri);
    }

    /** Same as {@link #endpointOverride(String)}. */
    public Builder endpointOverride(URI endpoint) {
      if (endpoint != null) {
        String scheme = endpoint.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
            || endpoint.getHost() == null) {
          throw new IllegalArgumentException("invalid S3 endpoint '" + endpoint
              + "': expected an absolute http or https URL such as http://127.0.0.1:9000");
        }
        if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
          throw new IllegalArgumentException("invalid S3 endpoint '" + endpoint + "': must not have a query or fragment");
        }
      }
      this.endpointOverride = endpoint;
      return this;
    }

    /** Path-style addressing ({@code endpoint/bucket/key}), which most S3-compatible stores need. Default false. */
    public Builder pathStyleAccess(boolean pathStyleAccess) {
      this.pathStyleAccess = pathStyleAccess;
      return this;
    }

    /** Explicit credentials instead of the default chain. */
    public Builder staticCredentials(String accessKeyId, String secretAccessKey) {
      this.credentials = new StaticCredentials(accessKeyId, secretAccessKey, Optional.empty());
      return this;
    }

    /** Explicit temporary credentials (with an STS session token) instead of the default chain. */
    public Builder staticCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
      this.credentials = new StaticCredentials(accessKeyId, secretAccessKey, Optional.of(sessionToken));
      return this;
    }

    /** Credentials from the AWS default chain (environment, system properties, profiles, container and instance roles). The default. */
    public Builder defaultCredentials() {
      this.credentials = null;
      return this;
    }

    public S3Config build() {
      return new S3Config(this);
    }
  }
}
