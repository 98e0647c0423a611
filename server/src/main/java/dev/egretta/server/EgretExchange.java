package dev.egretta.server;

import dev.egretta.api.FieldError;
import dev.egretta.api.RequestValidator;
import dev.egretta.api.StreamEvent;
import dev.egretta.api.Validation;
import dev.egretta.core.EgrettaException;
import dev.egretta.core.InvalidRequestException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What the server decides about an exchange, without its transport, for other front ends over the
 * same engine (the Spring Boot starter mounts the API on Spring MVC with it): the JSON of a body
 * with its document URIs in their public form, the Server-Sent Events lines, and the status and
 * error body of an exception. Both front ends answering through it is what keeps their JSON
 * identical. Uses nothing of Javalin or Jetty. Immutable and thread-safe.
 */
public final class EgretExchange {
  /** The recent-sessions list length when {@code limit} is absent. */
  public static final int DEFAULT_RECENT_LIMIT = Routes.DEFAULT_RECENT_LIMIT;
  /** The SSE comment sent while an answer is silent. */
  private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

  private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9._-]{1," + RequestValidator.MAX_SLUG_CHARS + "}");

  private final PublicUris uris;

  EgretExchange(PublicUris uris) {
    this.uris = uris;
  }

  /**
   * An exchange whose document URIs under the named folders show as {@code file:<name>/<path>}
   * (see {@link EgrettaServer.Builder#sourceRoot}); other local files as {@code file:<id>/<name>}.
   */
  public static EgretExchange of(Map<String, Path> sourceRoots) {
    return new EgretExchange(new PublicUris(roots(sourceRoots)));
  }

  /**
   * As {@link #of(Map)}, and a local document's {@code download_url} (null from the engine) becomes a
   * link of {@code downloads} in responses written for a viewer ({@link #json(Object, LocalDownloads.Viewer)},
   * {@link #relay(BlockingQueue, OutputStream, Duration, Optional)}); the front end serves the route with
   * {@link LocalDownloads#file}.
   */
  public static EgretExchange of(Map<String, Path> sourceRoots, LocalDownloads downloads) {
    return new EgretExchange(new PublicUris(roots(sourceRoots), Optional.of(downloads)));
  }

  private static Map<Path, String> roots(Map<String, Path> sourceRoots) {
    Map<Path, String> roots = new LinkedHashMap<>();
    sourceRoots.forEach((name, folder) -> addRoot(roots, name, folder));
    return roots;
  }

  /** As {@link #json(Object)}, with local documents' download links minted for {@code viewer}. */
  public String json(Object value, LocalDownloads.Viewer viewer) {
    return uris.write(value, Optional.of(viewer));
  }

  /** The status, JSON error body and {@code Retry-After} seconds to answer for a failure. */
  public record Failure(int status, String json, Optional<String> retryAfter) {}

  /** The JSON of {@code value} with every {@code uri} field in its public form. */
  public String json(Object value) {
    return uris.write(value);
  }

  /** One event as the server streams it: {@code event: <name>}, {@code data: <json>}, a blank line. */
  public byte[] sse(StreamEvent event) {
    return sse(event, Optional.empty());
  }

  /** As {@link #sse(StreamEvent)}, with local documents' download links minted for {@code viewer}. */
  public byte[] sse(StreamEvent event, Optional<LocalDownloads.Viewer> viewer) {
    return ("event: " + event.name() + "\ndata: " + uris.write(event.data(), viewer) + "\n\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Commits a 200 {@code text/event-stream} response, unbuffered by proxies, and returns its body stream. */
  public static OutputStream startStream(jakarta.servlet.http.HttpServletResponse res) throws IOException {
    res.setStatus(200);
    res.setContentType("text/event-stream;charset=utf-8");
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("X-Accel-Buffering", "no");
    OutputStream out = res.getOutputStream();
    res.flushBuffer();
    return out;
  }

  /**
   * Writes a stream's events from {@code events} to {@code out} as SSE, flushing each, until its
   * {@code done} or {@code error} event; while no event comes for {@code heartbeat}, writes a
   * {@code : heartbeat} comment, which is also how a vanished client is noticed (an
   * {@link IOException}: the caller then cancels the generation).
   *
   * @return true once the final event is written
   */
  public boolean relay(BlockingQueue<StreamEvent> events, OutputStream out, Duration heartbeat)
      throws IOException, InterruptedException {
    return relay(events, out, heartbeat, Optional.empty());
  }

  /** As {@link #relay(BlockingQueue, OutputStream, Duration)}, with download links minted for {@code viewer}. */
  public boolean relay(BlockingQueue<StreamEvent> events, OutputStream out, Duration heartbeat,
      Optional<LocalDownloads.Viewer> viewer) throws IOException, InterruptedException {
    long heartbeatMillis = Math.max(1, heartbeat.toMillis());
    while (true) {
      StreamEvent event = events.poll(heartbeatMillis, TimeUnit.MILLISECONDS);
      if (event == null) {
        out.write(HEARTBEAT);
        out.flush();
        continue;
      }
      out.write(sse(event, viewer));
      out.flush();
      if (event instanceof StreamEvent.Done || event instanceof StreamEvent.Error) {
        return true;
      }
    }
  }

  /**
   * The answer the server gives for {@code failure}: 400 with every bad field, 404, 429, 502/504,
   * 503, or a generic 500 whose details only go to the log.
   */
  public static Failure failure(Throwable failure) {
    // Anything else may be the transport's own business; Jetty's client faults are the server's alone.
    ErrorMapper.Answer answer = failure instanceof EgrettaException || failure instanceof HttpProblem
        ? ErrorMapper.map(failure) : ErrorMapper.internal(failure);
    return new Failure(answer.status(), dev.egretta.api.EgretJson.write(answer.body()), answer.retryAfterHeader());
  }

  /** An exception that {@link #failure} answers with {@code status} and {@code detail} (401, 413, 415...). */
  public static RuntimeException problem(int status, String detail) {
    return new HttpProblem(status, detail);
  }

  /** The value of a valid input; an {@link InvalidRequestException} listing every bad field otherwise. */
  public static <T> T valid(Validation<T> validation) {
    return switch (validation) {
      case Validation.Valid<T> ok -> ok.value();
      case Validation.Invalid<T> bad -> throw new InvalidRequestException(bad.errors());
    };
  }

  /** An upload's checked form fields. */
  public record Upload(String domain, String category) {}

  /**
   * The fields of {@code POST /v1/knowledge-base/documents/}: the file part present, {@code domain} and
   * {@code category} slugs of letters, digits, '.', '_' or '-'; an {@link InvalidRequestException}
   * listing every bad field otherwise.
   */
  public static Upload uploadFields(boolean hasFile, String domain, String category) {
    List<FieldError> errors = new ArrayList<>();
    if (!hasFile) {
      errors.add(new FieldError("file", "is required: send the document (PDF, Word, PowerPoint, HTML, Markdown, text) as a multipart part named 'file'"));
    }
    String d = slug(domain, "domain", errors);
    String c = slug(category, "category", errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new Upload(d, c);
  }

  private static String slug(String value, String field, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required: the " + field + " to file the document under (as queries name it)"));
      return null;
    }
    String v = value.strip();
    if (!SLUG.matcher(v).matches()) {
      errors.add(new FieldError(field, "must be 1 to " + RequestValidator.MAX_SLUG_CHARS
          + " letters, digits, '.', '_' or '-'"));
    }
    return v;
  }

  /** The source-root rule of {@link EgrettaServer.Builder#sourceRoot}: the folder as given and as its real path. */
  static void addRoot(Map<Path, String> roots, String name, Path folder) {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException("source root name must be 1 to 64 letters, digits, '.', '_' or '-'; got "
          + name);
    }
    Path absolute = java.util.Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
    roots.put(absolute, name);
    try {
      roots.put(absolute.toRealPath(), name); // index URIs are often made from real paths
    } catch (java.io.IOException e) {
      // not there (yet): the path as given is all there is
    }
  }
}
