package dev.egretta.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.egretta.api.FieldError;
import dev.egretta.api.RequestValidator;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.api.Validation;
import java.util.regex.Pattern;

/**
 * Jazzer target (issue #15): the JSON bodies the server reads ({@code POST /v1/query/}, rename)
 * through {@link RequestValidator}, exactly as {@code Routes} hands them over. Any bytes give a
 * result, never an exception; a valid query or title keeps the documented limits; an invalid one
 * lists at least one field error whose message names no Java type or package (they reach clients
 * in 400 bodies). In {@code mvn verify} this replays the stored inputs; with {@code JAZZER_FUZZ=1} it
 * fuzzes (see {@code bench/reliability.sh fuzz}).
 */
class RequestFuzzTest {
  private static final Pattern INTERNAL = Pattern.compile("java\\.|dev\\.egretta|com\\.fasterxml|Exception|\\bat [a-z]+\\.");
  private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9._-]+");

  @FuzzTest(maxDuration = "10s")
  @DictionaryEntries({"\"query\"", "\"domain\"", "\"category\"", "\"mode\"", "\"stream\"", "\"session_id\"",
      "\"knowledge_scope\"", "\"model_id\"", "\"model\"", "\"title\"", "\"compliance\"", "\"auto\"", "\"private\"",
      "true", "null", "\\u0000", "\\ud800", "1e999", "00000000-0000-0000-0000-000000000000"})
  void anyBodyGivesAResultWithinTheContract(byte[] body) {
    switch (RequestValidator.parseQuery(body)) {
      case Validation.Valid<ValidatedQuery> valid -> {
        ValidatedQuery q = valid.value();
        assertThat(q.query()).isNotBlank().hasSizeLessThanOrEqualTo(RequestValidator.MAX_QUERY_CHARS);
        assertThat(q.domain()).matches(SLUG).hasSizeLessThanOrEqualTo(RequestValidator.MAX_SLUG_CHARS);
        assertThat(q.category()).matches(SLUG).hasSizeLessThanOrEqualTo(RequestValidator.MAX_SLUG_CHARS);
      }
      case Validation.Invalid<ValidatedQuery> invalid -> clientReadable(invalid);
    }
    switch (RequestValidator.parseRename(body)) {
      case Validation.Valid<String> valid ->
          assertThat(valid.value()).isNotBlank().hasSizeLessThanOrEqualTo(RequestValidator.MAX_TITLE_CHARS);
      case Validation.Invalid<String> invalid -> clientReadable(invalid);
    }
  }

  private static void clientReadable(Validation.Invalid<?> invalid) {
    assertThat(invalid.errors()).isNotEmpty();
    for (FieldError e : invalid.errors()) {
      assertThat(e.field() + ": " + e.message()).doesNotContainPattern(INTERNAL);
    }
  }
}
