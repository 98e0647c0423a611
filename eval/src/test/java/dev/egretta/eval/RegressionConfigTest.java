package dev.egretta.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bundled {@code regressions.json} is read only by the regression runs, which need the eval data
 * and minutes: a broken edit (an unescaped quote in a note) would go unnoticed until then.
 */
class RegressionConfigTest {
  @Test
  void theBundledConfigParsesAndNamesQuestionFilesThatExist() throws Exception {
    JsonNode config;
    try (InputStream in = RegressionRunner.class.getResourceAsStream("regressions.json")) {
      config = new ObjectMapper().readTree(in);
    }
    assertThat(config.path("datasets")).isNotEmpty();
    for (JsonNode dataset : config.path("datasets")) {
      for (JsonNode run : dataset.path("runs")) {
        assertThat(run.path("expected").size()).as(dataset.path("name").asText() + " " + run).isPositive();
      }
    }
    assertThat(config.path("answers")).isNotEmpty();
    Path root = Path.of("").toAbsolutePath().getParent();   // tests run in eval/
    for (JsonNode answers : config.path("answers")) {
      String file = answers.path("questions").asText();
      assertThat(root.resolve(file)).as(file).isRegularFile();
      answers.path("expected").fieldNames().forEachRemaining(metric ->
          assertThat(answers.path("tolerance").has(metric)).as(file + " tolerance of " + metric).isTrue());
    }
  }
}
