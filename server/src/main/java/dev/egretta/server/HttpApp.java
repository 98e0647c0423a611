package dev.egretta.server;

import dev.egretta.api.ErrorBody;
import dev.egretta.core.Engine;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.DispatcherType;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.servlet.FilterHolder;

/** Assembles the Javalin application: Jetty on virtual threads, limits, routes, error mapping, access log. */
final class HttpApp {
  private static final System.Logger ACCESS = System.getLogger("dev.egretta.server.access");
  /** Room for multipart boundaries and the domain/category fields around the file itself. */
  static final long MULTIPART_OVERHEAD = 64 * 1024;

  private HttpApp() {}

  static Javalin create(EgrettaServer.Builder settings, InFlight inFlight, Path uploadCache) {
    Guard guard = new Guard(settings.apiKeys,
        settings.rateRequests > 0
            ? Optional.of(new RateLimiter(settings.rateRequests, settings.ratePeriod, System::nanoTime))
            : Optional.empty());
    LocalDownloads downloads = new LocalDownloads(LocalDownloads.randomKey(), settings.downloadLinkLifetime,
        java.time.Clock.systemUTC(), settings.publicBaseUrl);
    PublicUris uris = new PublicUris(settings.sourceRoots, Optional.of(downloads));
    Engine engine = settings.modelAliases.isEmpty() ? settings.engine : new AliasingEngine(settings.engine, settings.modelAliases);
    SseStreamer streamer = new SseStreamer(engine, new StreamSlots(settings.maxStreamsPerOrganisation), inFlight,
        settings.heartbeat, uris);
    Javalin app = Javalin.create(config -> {
      config.useVirtualThreads = true;
      config.showJavalinBanner = false;
      config.startupWatcherEnabled = false;
      config.http.maxRequestSize = settings.maxBodyBytes;
      config.jetty.multipartConfig.cacheDirectory(uploadCache.toString());
      config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes, SizeUnit.BYTES);
      config.jetty.multipartConfig.maxTotalRequestSize(settings.maxUploadBytes + MULTIPART_OVERHEAD, SizeUnit.BYTES);
      config.jetty.multipartConfig.maxInMemoryFileSize(64 * 1024, SizeUnit.BYTES);
      config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
      config.jetty.modifyServletContextHandler(handler -> {
        handler.addFilter(new FilterHolder(new InFlightFilter(inFlight)), "/*", EnumSet.of(DispatcherType.REQUEST));
        handler.setErrorHandler(new JsonErrorHandler());
      });
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
      // Method, path, status, time and organisation: never bodies, query strings or keys.
      config.requestLogger.http((ctx, ms) -> ACCESS.log(Level.INFO, () -> String.format(
          "%s %s %d %.0fms org=%s", ctx.method(), ctx.path(), ctx.statusCode(), ms,
          Objects.requireNonNullElse(ctx.attribute(Guard.ORGANISATION_ATTRIBUTE), "-"))));
    });
    new Routes(engine, guard, streamer, settings.maxBodyBytes, uris).register(app);
    new DocumentRoutes(settings.documents, guard, settings.maxUploadBytes, uris).register(app);
    WebUi.load().ifPresent(ui -> ui.register(app)); // the chat page at /, no key needed; its API calls need one
    settings.metrics.ifPresent(registry -> MetricsRoute.register(app, registry));
    new DownloadRoute(downloads, guard).register(app);
    app.exception(HttpResponseException.class, (e, ctx) -> Routes.json(ctx, e.getStatus(), ErrorBody.of(detail(e))));
    app.exception(Exception.class, (e, ctx) -> {
      ErrorMapper.Answer answer = ErrorMapper.map(e);
      answer.retryAfterHeader().ifPresent(v -> ctx.header("Retry-After", v));
      Routes.json(ctx, answer.status(), answer.body());
    });
    return app;
  }

  private static String detail(HttpResponseException e) {
    return switch (e.getStatus()) {
      case 404 -> "Not found.";
      case 405 -> "Method not allowed.";
      case 413 -> "Request body is too large.";
      default -> e.getMessage() == null || e.getMessage().isBlank() ? "Request failed." : e.getMessage();
    };
  }
}
