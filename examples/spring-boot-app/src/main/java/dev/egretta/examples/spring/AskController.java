package dev.egretta.examples.spring;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.Engine;
import dev.egretta.core.Organisation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /ask}: the application's own endpoint over the starter's {@link Engine} bean. */
@RestController
class AskController {
  /** What the application returns: the Markdown answer and the cited pages. */
  record Answer(String answer, List<String> pages) {}

  private final Engine engine;

  AskController(Engine engine) {
    this.engine = engine;
  }

  @GetMapping("/ask")
  Answer ask(@RequestParam("question") String question, @RequestParam("domain") String domain,
      @RequestParam("category") String category) {
    QueryResponse r = engine.query(ValidatedQuery.of(question, domain, category, Mode.COMPLIANCE), Organisation.LOCAL);
    return new Answer(r.response(), r.sources().stream().map(s -> s.filename() + " p. " + s.pageNumber()).toList());
  }
}
