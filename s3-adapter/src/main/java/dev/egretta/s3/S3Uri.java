package dev.egretta.s3;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An {@code s3://bucket/key} location: a bucket and a key (or key prefix). Keys are taken verbatim,
 * as the AWS CLI does ({@code s3://bucket/my report.pdf} names the key {@code my report.pdf}); no
 * percent-decoding happens.
 *
 * @param bucket the bucket name (3..63 letters, digits, dots, hyphens or underscores)
 * @param key the object key or prefix; empty for the whole bucket
 */
public record S3Uri(String bucket, String key) {

  private static final String SCHEME = "s3://";
  private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]");

  public S3Uri {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    if (!BUCKET.matcher(bucket).matches()) {
      throw new IllegalArgumentException("invalid S3 bucket name '" + bucket
          + "': must be 3..63 letters, digits, '.', '-' or '_', starting and ending with a letter or digit");
    }
    if (key.startsWith("/")) {
      throw new IllegalArgumentException("S3 key must not start with '/'; got '" + key + "'");
    }
    for (int i = 0; i < key.length(); i++) {
      if (Character.isISOControl(key.charAt(i))) {
        throw new IllegalArgumentException("S3 key must not contain control characters; got '"
            + key.replaceAll("\\p{Cntrl}", "?") + "'");
      }
    }
  }

  /**
   * Parses {@code s3://bucket}, {@code s3://bucket/} or {@code s3://bucket/key}.
   *
   * @throws IllegalArgumentException naming the value and the expected form when it is not an S3 URI
   */
  public static S3Uri parse(String uri) {
    Objects.requireNonNull(uri, "uri");
    if (!uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw new IllegalArgumentException("not an S3 URI: '" + uri + "'; expected s3://bucket/prefix");
    }
    String rest = uri.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("S3 URI '" + uri + "' has no bucket; expected s3://bucket/prefix");
    }
    try {
      return new S3Uri(bucket, key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid S3 URI '" + uri + "': " + e.getMessage(), e);
    }
  }

  /** Whether the text starts with {@code s3://} (in any case), i.e. is meant as an S3 location. */
  public static boolean isS3(String uri) {
    return uri != null && uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
  }

  /** The object's file name: the last segment of the key (empty for a bucket root or a prefix ending in {@code /}). */
  public String filename() {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  /** The location of one object inside this bucket. */
  public S3Uri withKey(String otherKey) {
    return new S3Uri(bucket, otherKey);
  }

  @Override
  public String toString() {
    return SCHEME + bucket + "/" + key;
  }
}
