package dev.egretta.s3;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A pre-signed URL taken apart, with an independent AWS Signature V4 (query string) check: S3Mock
 * accepts any signature, so the tests recompute it from the secret key as S3 would.
 */
record SignedUrl(URI uri, Map<String, String> params) {

  static SignedUrl parse(String url) {
    URI uri = URI.create(url);
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return new SignedUrl(uri, params);
  }

  String param(String name) {
    return params.get(name);
  }

  /** Whether {@code X-Amz-Signature} is the SigV4 signature of this very URL under the given secret key. */
  boolean signatureValid(String secretKey) {
    String[] scope = param("X-Amz-Credential").split("/", 2)[1].split("/");
    String date = scope[0];
    String region = scope[1];
    String service = scope[2];
    String canonicalQuery = Arrays.stream(uri.getRawQuery().split("&"))
        .filter(p -> !p.startsWith("X-Amz-Signature="))
        .sorted()
        .collect(Collectors.joining("&"));
    String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    String canonicalRequest = String.join("\n", "GET", uri.getRawPath(), canonicalQuery,
        "host:" + host, "", param("X-Amz-SignedHeaders"), "UNSIGNED-PAYLOAD");
    String stringToSign = String.join("\n", "AWS4-HMAC-SHA256", param("X-Amz-Date"),
        String.join("/", date, region, service, "aws4_request"), hex(sha256(canonicalRequest)));
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    return hex(hmac(key, stringToSign)).equals(param("X-Amz-Signature"));
  }

  /** The same URL with one query parameter's raw value replaced (to show that tampering breaks the signature). */
  SignedUrl with(String name, String rawValue) {
    String query = Arrays.stream(uri.getRawQuery().split("&"))
        .map(p -> p.startsWith(name + "=") ? name + "=" + rawValue : p)
        .collect(Collectors.joining("&"));
    return parse(uri.toString().replace(uri.getRawQuery(), query));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
