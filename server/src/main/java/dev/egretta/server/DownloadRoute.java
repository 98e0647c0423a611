package dev.egretta.server;

import dev.egretta.core.NotFoundException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * {@code GET /v1/downloads/<token>/}: the document a {@link LocalDownloads} link names, for a caller
 * of the organisation it was shown to. Authenticated like every route; a token of another
 * organisation, an expired, altered or unknown token, and a document no longer on disk all answer the
 * same 404, so the route tells nothing about what exists.
 */
final class DownloadRoute {
  private final LocalDownloads downloads;
  private final Guard guard;

  DownloadRoute(LocalDownloads downloads, Guard guard) {
    this.downloads = downloads;
    this.guard = guard;
  }

  void register(Javalin app) {
    app.get(LocalDownloads.PATH + "{token}/", guard.protect(this::download));
  }

  private void download(Context ctx, Caller caller) throws IOException {
    LocalDownloads.File file = downloads.file(ctx.pathParam("token"), caller.organisation().id())
        .orElseThrow(() -> new NotFoundException(LocalDownloads.NOT_FOUND));
    ctx.status(200);
    file.headers().forEach(ctx::header);
    file.copyTo(ctx.res().getOutputStream());
  }
}
