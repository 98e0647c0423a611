package dev.egretta.spring;

import dev.egretta.server.WebUi;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The chat page of {@code egretta serve} at {@code /}, with the same bytes and headers (its strict
 * Content-Security-Policy included). It needs no key; every API call it makes does.
 */
@RestController
class EgretWebUiController {
  private final Optional<WebUi> ui;

  /** {@code ui} empty: the server jar was built without the page, and these paths answer 404. */
  EgretWebUiController(Optional<WebUi> ui) {
    this.ui = ui;
  }

  @GetMapping({"/", "/assets/app.js", "/assets/app.css"})
  ResponseEntity<byte[]> asset(jakarta.servlet.http.HttpServletRequest request) {
    String path = (String) request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
    return ui.flatMap(u -> u.asset(path)).map(asset -> {
      HttpHeaders headers = new HttpHeaders();
      WebUi.HEADERS.forEach(headers::set);
      headers.set(HttpHeaders.CONTENT_TYPE, asset.contentType());
      return new ResponseEntity<>(asset.bytes(), headers, HttpStatus.OK);
    }).orElseGet(() -> ResponseEntity.notFound().build());
  }
}
