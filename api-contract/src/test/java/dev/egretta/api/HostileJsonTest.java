package dev.egretta.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hostile JSON gets a clear error from the parser limits, never a StackOverflowError or an out-of-memory. */
class HostileJsonTest {

  @Test
  void tenThousandDeepNestingIsAClearError() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    // An unknown property is skipped, not bound: the parser's own depth limit must still fire.
    String body = "{\"query\":\"q\",\"extra\":" + deep + "}";

    Validation<ValidatedQuery> result = RequestValidator.parseQuery(body.getBytes(StandardCharsets.UTF_8));

    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.message()).contains("exceeds a JSON limit").contains("nesting depth");
    });
    assertThatThrownBy(() -> EgretJson.mapper().readTree(deep)).isInstanceOf(StreamConstraintsException.class);
  }

  @Test
  void fiveMegabyteStringIsAClearError() {
    String body = "{\"query\":\"" + "a".repeat(5 * 1024 * 1024) + "\",\"domain\":\"d\",\"category\":\"c\",\"mode\":\"auto\"}";

    Validation<ValidatedQuery> result = RequestValidator.parseQuery(body.getBytes(StandardCharsets.UTF_8));

    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("query");
      assertThat(e.message()).contains("exceeds a JSON limit").contains("String value length");
    });
  }

  @Test
  void nestingJustUnderTheLimitIsAccepted() throws Exception {
    int depth = EgretJson.MAX_NESTING_DEPTH - 1;
    String json = "[".repeat(depth) + "]".repeat(depth);

    assertThat(EgretJson.mapper().readTree(json).isArray()).isTrue();
  }
}
