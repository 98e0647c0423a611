package dev.egretta.spring;

import dev.egretta.core.NotFoundException;
import dev.egretta.core.Organisation;
import dev.egretta.server.LocalDownloads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /v1/downloads/<token>/}, as {@code egretta serve} answers it: the local document a
 * {@code download_url} names (the server's {@link LocalDownloads} minted it into the answer), for a
 * caller of the organisation it was shown to; anything else is the same 404. Authenticated like every
 * route, through the application's {@link EgrettaCallerResolver}.
 */
@RestController
final class EgretDownloadController {
  private final LocalDownloads downloads;
  private final EgrettaCallerResolver callers;
  private final EgretApiController api;

  EgretDownloadController(LocalDownloads downloads, EgrettaCallerResolver callers, EgretApiController api) {
    this.downloads = downloads;
    this.callers = callers;
    this.api = api;
  }

  /**
   * Who a response to {@code request} is written for: links under the application's own URL (its
   * context path included; behind a proxy, Spring's {@code server.forward-headers-strategy} decides
   * the scheme and host it sees).
   */
  static LocalDownloads.Viewer viewer(HttpServletRequest request, Organisation organisation) {
    String base = ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
    return new LocalDownloads.Viewer(base.endsWith("/") ? base.substring(0, base.length() - 1) : base,
        organisation.id());
  }

  @GetMapping(LocalDownloads.PATH + "{token}/")
  void download(HttpServletRequest req, HttpServletResponse res, @PathVariable("token") String token)
      throws IOException {
    LocalDownloads.File file = downloads.file(token, callers.organisation(req).id())
        .orElseThrow(() -> new NotFoundException(LocalDownloads.NOT_FOUND));
    res.setStatus(200);
    file.headers().forEach(res::setHeader);
    file.copyTo(res.getOutputStream());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<byte[]> failure(Exception e, HttpServletRequest req) {
    return api.failure(e, req);
  }
}
