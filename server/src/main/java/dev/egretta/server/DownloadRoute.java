package dev.egretta.server;

import dev.egretta.core.NotFoundException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code GET /v1/downloads/<token>/}: the document a {@link LocalDownloads} link names, for a caller
 * of the organisation it was shown to. Authenticated like every route; a token of another
 * organisation, an expired, altered or unknown token, and a document no longer on disk all answer the
 * same 404, so the route tells nothing about what exists.
 */
final class DownloadRoute {
  private static final String NOT_FOUND = "Download link not found or expired; read the session messages again "
      + "for a fresh link.";

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
    LocalDownloads.Grant grant = downloads.open(ctx.pathParam("token"))
        .filter(g -> g.organisation().equals(caller.organisation().id()))
        .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    Path file;
    try {
      file = Path.of(URI.create(grant.documentUri()));
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      throw new NotFoundException(NOT_FOUND);
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(file)) {
      throw new NotFoundException(NOT_FOUND); // deleted (an upload removed, a document synced away) since it was shown
    }
    String name = file.getFileName().toString();
    ctx.status(200);
    ctx.contentType(contentType(name));
    ctx.header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[\"\\\\\\p{Cntrl}]", "_")
        + "\"; filename*=UTF-8''" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20"));
    ctx.header("Cache-Control", "private, no-store");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.res().setContentLengthLong(Files.size(file));
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      in.transferTo(ctx.res().getOutputStream());
    }
  }

  private static String contentType(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".pdf")) {
      return "application/pdf";
    }
    if (n.endsWith(".txt") || n.endsWith(".md")) {
      return "text/plain;charset=utf-8";
    }
    return "application/octet-stream"; // never rendered by the browser as HTML
  }
}
