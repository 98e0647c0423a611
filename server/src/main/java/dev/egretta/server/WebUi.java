package dev.egretta.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The chat page at {@code /} and its two assets, read once from the jar (the server module's build
 * bundles them from {@code src/main/webui}). They need no API key: the page holds no data, and every
 * call it makes goes to the API routes, which still do. The page may run only its own script and
 * style and talk only to this origin (Content-Security-Policy), so text that slips through as markup
 * still cannot run or load anything. Public so that another HTTP stack (the Spring Boot starter) serves
 * the same bytes with the same headers: {@link #load()}, {@link #asset(String)}, {@link #HEADERS}.
 */
public final class WebUi {
  private static final System.Logger LOG = System.getLogger(WebUi.class.getName());
  private static final String FOLDER = "/dev/egretta/server/webui/";
  /** Own script and style only, no inline code, no framing, requests to this origin only. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** The paths the page is served at, and the asset each one answers. */
  public static final Map<String, String> PATHS = Map.of("/", "index.html", "/assets/app.js", "app.js",
      "/assets/app.css", "app.css");
  /** The headers every asset is answered with (the policy, no sniffing, no referrer, no framing, revalidation). */
  public static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer", "X-Frame-Options", "DENY",
      "Cache-Control", "no-cache");

  /** One asset: its content type and bytes. */
  public record Asset(String contentType, byte[] bytes) {}

  private final Map<String, Asset> assets;

  private WebUi(Map<String, Asset> assets) {
    this.assets = assets;
  }

  /** The UI from the classpath, or empty (logged) when this jar was built without it. */
  public static Optional<WebUi> load() {
    Map<String, Asset> assets = new LinkedHashMap<>();
    for (var file : Map.of("index.html", "text/html; charset=utf-8", "app.js", "text/javascript; charset=utf-8",
        "app.css", "text/css; charset=utf-8").entrySet()) {
      Optional<byte[]> bytes = read(file.getKey());
      if (bytes.isEmpty()) {
        LOG.log(Level.WARNING, "The web UI is not in this build (no {0}): / is not served.", FOLDER + file.getKey());
        return Optional.empty();
      }
      assets.put(file.getKey(), new Asset(file.getValue(), bytes.get()));
    }
    return Optional.of(new WebUi(Map.copyOf(assets)));
  }

  private static Optional<byte[]> read(String name) {
    try (InputStream in = WebUi.class.getResourceAsStream(FOLDER + name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the web UI asset " + name, e);
    }
  }

  /** The asset served at {@code path} (one of {@link #PATHS}), or empty. */
  public Optional<Asset> asset(String path) {
    return Optional.ofNullable(PATHS.get(path)).map(assets::get);
  }

  void register(Javalin app) {
    PATHS.keySet().forEach(path -> app.get(path, ctx -> send(ctx, asset(path).orElseThrow())));
  }

  private static void send(Context ctx, Asset asset) {
    HEADERS.forEach(ctx::header);
    ctx.status(200).contentType(asset.contentType()).result(asset.bytes());
  }
}
