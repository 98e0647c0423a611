package dev.egretta.s3;

import dev.egretta.core.DocumentTypes;
import dev.egretta.core.spi.LinkSigner;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * Fills {@code sources[].download_url}: a pre-signed GET URL (AWS Signature V4, valid for
 * {@link Builder#expiry(Duration) expiry}, 15 minutes by default) for {@code s3://bucket/key}
 * documents; for {@code file:} documents under a configured folder, that folder's public base URL plus
 * the relative path; empty for anything else. Signing is local (no request to S3). A link signed with
 * temporary credentials stops working when they expire, even before its own expiry.
 *
 * <p>Nothing AWS-related is resolved until the first S3 link is asked for; then a missing region or
 * missing credentials is a {@link dev.egretta.core.ConfigurationException}. So an application may
 * always install this signer: documents that are not in S3 never need AWS settings. Thread-safe;
 * close it to release the presigner.
 */
public final class S3LinkSigner implements LinkSigner, AutoCloseable {

  /** The expiry of a link unless configured otherwise. */
  public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(15);
  /** The longest expiry Signature V4 allows. */
  public static final Duration MAX_EXPIRY = Duration.ofDays(7);

  private static final System.Logger LOG = System.getLogger(S3LinkSigner.class.getName());

  private final S3Config config;
  private final String endpoint;
  private final Duration expiry;
  private final Optional<Path> localRoot;
  private final Optional<String> localBaseUrl;

  /** Created on the first S3 link, so that a signer that only ever sees local files needs no AWS region or credentials. */
  private S3Presigner presigner;
  private boolean closed;

  private S3LinkSigner(Builder b) {
    this.config = b.config;
    this.endpoint = S3Clients.describeEndpoint(b.config);
    this.expiry = b.expiry;
    this.localRoot = Optional.ofNullable(b.localRoot);
    this.localBaseUrl = Optional.ofNullable(b.localBaseUrl);
  }

  /** A signer with the default expiry and no links for local files. */
  public static S3LinkSigner of(S3Config config) {
    return builder(config).build();
  }

  public static Builder builder(S3Config config) {
    return new Builder(config);
  }

  /** How long each link stays valid. */
  public Duration expiry() {
    return expiry;
  }

  @Override
  public Optional<String> downloadUrl(String documentUri) {
    if (documentUri == null) {
      return Optional.empty();
    }
    if (S3Uri.isS3(documentUri)) {
      return signS3(documentUri);
    }
    if (documentUri.regionMatches(true, 0, "file:", 0, 5) && localRoot.isPresent()) {
      return localLink(documentUri);
    }
    return Optional.empty();
  }

  private Optional<String> signS3(String documentUri) {
    S3Uri uri;
    try {
      uri = S3Uri.parse(documentUri);
    } catch (IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, "no download link for a malformed S3 URI: {0}", e.getMessage());
      return Optional.empty();
    }
    if (uri.key().isEmpty() || uri.key().endsWith("/")) {
      return Optional.empty();
    }
    // The link names the content type, so a DOCX or Markdown file opens as one whatever its stored metadata says.
    GetObjectRequest get = GetObjectRequest.builder().bucket(uri.bucket()).key(uri.key())
        .responseContentType(DocumentTypes.contentType(uri.key()).orElse(null)).build();
    try {
      return Optional.of(presigner().presignGetObject(GetObjectPresignRequest.builder()
          .signatureDuration(expiry).getObjectRequest(get).build()).url().toExternalForm());
    } catch (SdkException e) {
      throw S3Errors.forSource("signing a download link for " + uri, endpoint, e);
    }
  }

  private Optional<String> localLink(String documentUri) {
    Path file;
    try {
      file = Path.of(URI.create(documentUri)).toAbsolutePath().normalize();
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
    Path root = localRoot.orElseThrow();
    if (!file.startsWith(root) || file.equals(root)) {
      return Optional.empty();
    }
    StringBuilder url = new StringBuilder(localBaseUrl.orElseThrow());
    String separator = "";
    for (Path segment : root.relativize(file)) {
      url.append(separator).append(URLEncoder.encode(segment.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
      separator = "/";
    }
    return Optional.of(url.toString());
  }

  private synchronized S3Presigner presigner() {
    if (closed) {
      throw new IllegalStateException("this S3LinkSigner is closed");
    }
    if (presigner == null) {
      presigner = S3Clients.presigner(config);
    }
    return presigner;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (presigner != null) {
      presigner.close();
      presigner = null;
    }
  }

  @Override
  public String toString() {
    return "S3LinkSigner[" + endpoint + ", expiry=" + expiry
        + localRoot.map(r -> ", " + r + " -> " + localBaseUrl.orElseThrow()).orElse("") + "]";
  }

  /** Validating builder of {@link S3LinkSigner}. */
  public static final class Builder {
    private final S3Config config;
    private Duration expiry = DEFAULT_EXPIRY;
    private Path localRoot;
    private String localBaseUrl;

    private Builder(S3Config config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** How long links stay valid: 1 second to 7 days; default 15 minutes. */
    public Builder expiry(Duration expiry) {
      Objects.requireNonNull(expiry, "expiry");
      if (expiry.compareTo(Duration.ofSeconds(1)) < 0 || expiry.compareTo(MAX_EXPIRY) > 0) {
        throw new IllegalArgumentException("link expiry must be between 1 second and 7 days; got " + expiry);
      }
      this.expiry = expiry;
      return this;
    }

    /**
     * Links for local files: a {@code file:} document under {@code root} gets {@code baseUrl} followed by
     * its path relative to {@code root} (each segment URL-encoded); files elsewhere get none.
     *
     * @param baseUrl an absolute http(s) URL, e.g. {@code https://docs.example.com/library/}
     */
    public Builder localFiles(Path root, String baseUrl) {
      Objects.requireNonNull(root, "root");
      Objects.requireNonNull(baseUrl, "baseUrl");
      URI base;
      try {
        base = URI.create(baseUrl);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid base URL for local files '" + baseUrl + "': " + e.getMessage(), e);
      }
      if (base.getScheme() == null || !(base.getScheme().equalsIgnoreCase("http") || base.getScheme().equalsIgnoreCase("https"))
          || base.getHost() == null || base.getRawQuery() != null || base.getRawFragment() != null) {
        throw new IllegalArgumentException("invalid base URL for local files '" + baseUrl
            + "': expected an absolute http(s) URL without query or fragment, e.g. https://docs.example.com/library/");
      }
      this.localRoot = root.toAbsolutePath().normalize();
      this.localBaseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
      return this;
    }

    public S3LinkSigner build() {
      return new S3LinkSigner(this);
    }
  }
}
