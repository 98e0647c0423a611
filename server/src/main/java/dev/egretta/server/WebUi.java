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
 * still cannot run or load anything.
 */
final class WebUi {
  private static final System.Logger LOG = System.getLogger(WebUi.class.getName());
  private static final String FOLDER = "/dev/egretta/server/webui/";
  /** Own script and style only, no inline code, no framing, requests to this origin only. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private record Asset(String contentType, byte[] bytes) {}

  private final Map<String, Asset> assets;

  private WebUi(Map<String, Asset> assets) {
    this.assets = assets;
  }

  /** The UI from the classpath, or empty (logged) when this jar was built without it. */
  static Optional<WebUi> load() {
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

  void register(Javalin app) {
    app.get("/", ctx -> send(ctx, "index.html"));
    app.get("/assets/app.js", ctx -> send(ctx, "app.js"));
    app.get("/assets/app.css", ctx -> send(ctx, "app.css"));
  }

  private void send(Context ctx, String name) {
    Asset asset = assets.get(name);
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-cache");
    ctx.status(200).contentType(asset.contentType()).result(asset.bytes());
  }
}
