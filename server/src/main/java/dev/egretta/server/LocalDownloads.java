package dev.egretta.server;

import dev.egretta.core.DocumentTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Download links for documents the server holds on its own disk (a local folder, uploads), which have
 * no pre-signed URL of their own. A link is {@code <base>/v1/downloads/<token>/}; the token is the
 * document's real URI, the organisation it was shown to and an expiry, encrypted and authenticated with
 * AES-GCM under the server's key. So the link discloses no path, cannot be forged or pointed at another
 * file, and only opens for a caller of that organisation ({@link DownloadRoute}). Links are minted
 * afresh whenever a response is written (answers and session history alike), so a link in a reopened
 * session is always current. Public for other HTTP stacks (the Spring Boot starter): {@link #create},
 * {@link EgretExchange#of(java.util.Map, LocalDownloads)} to mint links, {@link #file} to serve one.
 * Thread-safe.
 */
public final class LocalDownloads {
  /** The route's path prefix: a link is {@code <base>/v1/downloads/<token>/}. */
  public static final String PATH = "/v1/downloads/";
  /** The one answer (404) for a token of another organisation, an expired, altered or unknown one, or a file gone. */
  public static final String NOT_FOUND = "Download link not found or expired; read the session messages again "
      + "for a fresh link.";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** What a valid token says: the document and the organisation it was shown to. */
  record Grant(String organisation, String documentUri) {}

  /**
   * Who a response is written for: links are minted for this organisation under this base URL.
   *
   * @param baseUrl the server as the client reaches it, e.g. {@code https://egretta.example.com} (no trailing slash)
   * @param organisation the id of the caller's organisation
   */
  public record Viewer(String baseUrl, String organisation) {
    public Viewer {
      if (baseUrl == null || baseUrl.isBlank() || organisation == null || organisation.isBlank()) {
        throw new IllegalArgumentException("a viewer needs a base URL and an organisation; got " + baseUrl + ", "
            + organisation);
      }
    }
  }

  /** A document a valid link names, on disk and readable: answered with {@link #headers} and {@link #copyTo}. */
  public record File(Path path, String name, String contentType) {
    /** {@code attachment} with the file name, plain and RFC 5987-encoded. */
    public String contentDisposition() {
      return "attachment; filename=\"" + name.replaceAll("[\"\\\\\\p{Cntrl}]", "_") + "\"; filename*=UTF-8''"
          + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The response headers: type, attachment, length, never cached, never sniffed. */
    public Map<String, String> headers() throws IOException {
      return Map.of("Content-Type", contentType, "Content-Disposition", contentDisposition(),
          "Content-Length", Long.toString(Files.size(path)), "Cache-Control", "private, no-store",
          "X-Content-Type-Options", "nosniff");
    }

    /** Writes the file's bytes to {@code out} (a symbolic link that has taken its place since is not followed). */
    public void copyTo(OutputStream out) throws IOException {
      try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
        in.transferTo(out);
      }
    }
  }

  private final SecretKey key;
  private final Duration lifetime;
  private final Clock clock;
  private final Optional<String> publicBaseUrl;
  private final SecureRandom random = new SecureRandom();

  /** @param publicBaseUrl the server's URL as clients reach it (behind a proxy); empty = the request's own */
  LocalDownloads(byte[] key, Duration lifetime, Clock clock, Optional<String> publicBaseUrl) {
    if (key.length != 32) {
      throw new IllegalArgumentException("a download link key must be 32 bytes (AES-256); got " + key.length);
    }
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("download link lifetime must be positive; got " + lifetime);
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
    this.lifetime = lifetime;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
  }

  /** Links valid for {@code lifetime} under a key drawn now: they stop opening when this instance is gone. */
  public static LocalDownloads create(Duration lifetime) {
    return new LocalDownloads(randomKey(), lifetime, Clock.systemUTC(), Optional.empty());
  }

  /** The viewer of a response to an authenticated request; empty before authentication (no links then). */
  Optional<Viewer> viewer(io.javalin.http.Context ctx) {
    String org = ctx.attribute(Guard.ORGANISATION_ATTRIBUTE);
    if (org == null) {
      return Optional.empty();
    }
    String base = publicBaseUrl.orElseGet(() -> ctx.scheme() + "://" + ctx.host());
    return Optional.of(new Viewer(base, org));
  }

  /** A new random key: links then stay valid while this server runs and are re-minted on every read. */
  static byte[] randomKey() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return k;
  }

  /** The link to {@code documentUri} for callers of {@code organisation}, under {@code baseUrl}. */
  String link(String baseUrl, String organisation, String documentUri) {
    long expires = clock.instant().plus(lifetime).getEpochSecond();
    byte[] plain = (organisation + "\n" + expires + "\n" + documentUri).getBytes(StandardCharsets.UTF_8);
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plain);
      byte[] token = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
      return baseUrl + PATH + Base64.getUrlEncoder().withoutPadding().encodeToString(token) + "/";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK: " + e.getMessage(), e);
    }
  }

  /** The grant of a token this server minted that has not expired; empty for anything else. */
  Optional<Grant> open(String token) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (raw.length <= IV_BYTES + TAG_BITS / 8) {
      return Optional.empty();
    }
    String plain;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
      plain = new String(cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      return Optional.empty(); // forged, altered, or minted under another key
    }
    String[] parts = plain.split("\n", 3);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      if (clock.instant().isAfter(Instant.ofEpochSecond(Long.parseLong(parts[1])))) {
        return Optional.empty();
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.of(new Grant(parts[0], parts[2]));
  }

  /**
   * The file {@code token} names when it was minted for {@code organisation}, has not expired and the
   * file is still a readable regular file (symbolic links not followed); empty for anything else.
   */
  public Optional<File> file(String token, String organisation) {
    Optional<Grant> grant = open(token).filter(g -> g.organisation().equals(organisation));
    if (grant.isEmpty()) {
      return Optional.empty();
    }
    Path path;
    try {
      path = Path.of(URI.create(grant.get().documentUri()));
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(path)) {
      return Optional.empty(); // deleted (an upload removed, a document synced away) since it was shown
    }
    String name = path.getFileName().toString();
    return Optional.of(new File(path, name, contentType(name)));
  }

  private static String contentType(String name) {
    String type = DocumentTypes.contentType(name).orElse("application/octet-stream");
    if (type.equals("text/html") || type.contains("xhtml")) {
      return "application/octet-stream"; // never rendered by the browser as a page of this origin
    }
    return type.startsWith("text/") ? "text/plain;charset=utf-8" : type; // Markdown and text read as text
  }

}
