package dev.egretta.s3;

import dev.egretta.core.spi.DocumentSource;
import dev.egretta.core.spi.DomainCategory;
import dev.egretta.core.spi.SourceDocument;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ObjectStorageClass;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The PDFs under an S3 location ({@code s3://bucket/prefix}) as a {@link DocumentSource}.
 *
 * <p>{@link #list()} walks every page of the listing and reads no content: each document's
 * {@link SourceDocument#version() version} is its ETag and size, so ingestion skips unchanged objects
 * without downloading them. Domain and category come from Egret's layout
 * {@code <domain>/pdf/<category>/<file>.pdf} (the last four segments of the key), or from one explicit
 * mapping for every object. PDFs that fit neither, and archived (Glacier) objects, are left out with a
 * warning. {@link #open} streams one object straight from the connection, on the condition that it
 * still has the listed ETag.
 *
 * <p>A prefix that does not end in {@code /} is a folder or a single object: {@code s3://b/reports}
 * covers {@code reports} and {@code reports/...}, never {@code reports-old/...}.
 *
 * <p>Listing failures throw {@link dev.egretta.core.ConfigurationException} (access denied, no such
 * bucket, wrong region, no credentials) or {@link dev.egretta.core.UpstreamException} (store unreachable
 * or failing). Opening an object that is denied, gone or changed since the listing throws an
 * {@link IOException} naming it, so ingestion rejects only that document. Thread-safe; close it to
 * release the HTTP connections.
 */
public final class S3DocumentSource implements DocumentSource, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(S3DocumentSource.class.getName());
  private static final int DEFAULT_PAGE_SIZE = 1000;
  private static final char VERSION_SEPARATOR = ';';

  private final S3Client client;
  private final String endpoint;
  private final S3Uri location;
  private final Optional<DomainCategory> mapping;
  private final int pageSize;

  S3DocumentSource(S3Client client, S3Config config, S3Uri location, Optional<DomainCategory> mapping, int pageSize) {
    this.client = Objects.requireNonNull(client, "client");
    this.endpoint = S3Clients.describeEndpoint(config);
    this.location = Objects.requireNonNull(location, "location");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException("listing page size must be 1..1000; got " + pageSize);
    }
    this.pageSize = pageSize;
  }

  /**
   * The PDFs under {@code uri}, filed by Egret's layout.
   *
   * @throws IllegalArgumentException when {@code uri} is not {@code s3://bucket[/prefix]}
   */
  public static S3DocumentSource of(S3Config config, String uri) {
    return create(config, S3Uri.parse(uri), Optional.empty(), DEFAULT_PAGE_SIZE, List.of());
  }

  /**
   * Every PDF under {@code uri}, all filed under one domain and category regardless of their keys.
   *
   * @throws IllegalArgumentException when {@code uri} is not {@code s3://bucket[/prefix]} or the mapping is blank
   */
  public static S3DocumentSource of(S3Config config, String uri, DomainCategory mapping) {
    Objects.requireNonNull(mapping, "mapping");
    if (mapping.domain().isBlank() || mapping.category().isBlank()) {
      throw new IllegalArgumentException("an explicit mapping needs a non-blank domain and category; got " + mapping);
    }
    return create(config, S3Uri.parse(uri), Optional.of(mapping), DEFAULT_PAGE_SIZE, List.of());
  }

  static S3DocumentSource create(S3Config config, S3Uri location, Optional<DomainCategory> mapping, int pageSize,
      List<ExecutionInterceptor> interceptors) {
    Objects.requireNonNull(config, "config");
    return new S3DocumentSource(S3Clients.client(config, interceptors), config, location, mapping, pageSize);
  }

  /** The bucket and prefix this source lists. */
  public S3Uri location() {
    return location;
  }

  /** Objects under this source's bucket and prefix, with the same prefix rule as {@link #list()}. */
  @Override
  public boolean covers(String documentUri) {
    String base = location.withKey("").toString();
    if (!documentUri.startsWith(base)) {
      return false;
    }
    String key = documentUri.substring(base.length());
    String prefix = location.key();
    boolean folder = prefix.isEmpty() || prefix.endsWith("/");
    return folder ? key.startsWith(prefix) : key.equals(prefix) || key.startsWith(prefix + "/");
  }

  @Override
  public List<SourceDocument> list() {
    String prefix = location.key();
    boolean folder = prefix.isEmpty() || prefix.endsWith("/");
    List<SourceDocument> documents = new ArrayList<>();
    List<String> unmapped = new ArrayList<>();
    List<String> archived = new ArrayList<>();
    try {
      var request = ListObjectsV2Request.builder().bucket(location.bucket()).maxKeys(pageSize);
      if (!prefix.isEmpty()) {
        request.prefix(prefix);
      }
      for (S3Object object : client.listObjectsV2Paginator(request.build()).contents()) {
        String key = object.key();
        if (!folder && !key.equals(prefix) && !key.startsWith(prefix + "/")) {
          continue;
        }
        if (!EgretLayout.isDocument(key)) {
          continue;
        }
        if (object.storageClass() == ObjectStorageClass.GLACIER || object.storageClass() == ObjectStorageClass.DEEP_ARCHIVE) {
          archived.add(key);
          continue;
        }
        Optional<DomainCategory> filed = mapping.or(() -> EgretLayout.of(key));
        if (filed.isEmpty()) {
          unmapped.add(key);
          continue;
        }
        S3Uri uri = location.withKey(key);
        long size = object.size() == null ? -1 : object.size();
        documents.add(new SourceDocument(uri.toString(), uri.filename(), filed.get().domain(), filed.get().category(),
            size, version(object, size)));
      }
    } catch (SdkException e) {
      throw S3Errors.forSource("listing " + location, endpoint, e);
    }
    warn(unmapped, "document(s) not in the layout <domain>/pdf/<category>/<file> (give an explicit mapping to include them)");
    warn(archived, "archived (Glacier) document(s) that cannot be read without a restore");
    return List.copyOf(documents);
  }

  @Override
  public InputStream open(SourceDocument document) throws IOException {
    Objects.requireNonNull(document, "document");
    S3Uri uri;
    try {
      uri = S3Uri.parse(document.uri());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a document of " + location + ": " + e.getMessage(), e);
    }
    if (!uri.bucket().equals(location.bucket())) {
      throw new IllegalArgumentException("not a document of " + location + ": " + document.uri());
    }
    var request = GetObjectRequest.builder().bucket(uri.bucket()).key(uri.key());
    etagOf(document.version()).ifPresent(etag -> request.ifMatch('"' + etag + '"'));
    try {
      return new S3ObjectStream(client.getObject(request.build()));
    } catch (SdkException e) {
      throw S3Errors.forObject(document.uri(), endpoint, e);
    }
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "S3DocumentSource[" + location + " at " + endpoint + mapping.map(m -> ", mapped to " + m).orElse("") + "]";
  }

  /** {@code <etag>;<size>}, or {@code ;<size>;<last-modified>} when the store gives no ETag. */
  static String version(S3Object object, long size) {
    String etag = object.eTag() == null ? "" : object.eTag().replace("\"", "").strip();
    if (etag.isEmpty()) {
      return VERSION_SEPARATOR + Long.toString(size) + VERSION_SEPARATOR + object.lastModified();
    }
    return etag + VERSION_SEPARATOR + size;
  }

  static Optional<String> etagOf(String version) {
    int separator = version.indexOf(VERSION_SEPARATOR);
    return separator <= 0 ? Optional.empty() : Optional.of(version.substring(0, separator));
  }

  private void warn(List<String> keys, String what) {
    if (!keys.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "{0}: skipped {1} {2}, e.g. {3}", location, keys.size(), what,
          keys.subList(0, Math.min(3, keys.size())));
    }
  }
}
