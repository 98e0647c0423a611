package dev.egretta.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestValidatorTest {

  private static Validation<ValidatedQuery> parse(String json) {
    return RequestValidator.parseQuery(json.getBytes(StandardCharsets.UTF_8));
  }

  private static FieldError onlyError(Validation<?> result) {
    assertThat(result.isValid()).as("expected an invalid result").isFalse();
    assertThat(result.errors()).hasSize(1);
    return result.errors().get(0);
  }

  @Test
  void egretsExampleRequestIsValidAndModelIsTheAliasOfModelId() {
    ValidatedQuery q = parse("""
        {"query": "What is BCM?", "domain": "business-continuity", "category": "us", "mode": "compliance",
         "model": "us.anthropic.claude-3-5-haiku-20241022-v1:0", "knowledge_scope": "public", "stream": false}""").orElseThrow();

    assertThat(q.query()).isEqualTo("What is BCM?");
    assertThat(q.mode()).isEqualTo(Mode.COMPLIANCE);
    assertThat(q.modelId()).contains("us.anthropic.claude-3-5-haiku-20241022-v1:0");
    assertThat(q.knowledgeScope()).isEqualTo(KnowledgeScope.PUBLIC);
    assertThat(q.stream()).isFalse();
    assertThat(q.sessionId()).isEmpty();
  }

  @Test
  void modelIdWinsOverModel() {
    ValidatedQuery q = RequestValidator.validate(
        new QueryRequest("q", "d", "c", "advisory", "winner", "loser", null, null, null)).orElseThrow();

    assertThat(q.modelId()).contains("winner");
  }

  @Test
  void defaultsApplyWhenOptionalFieldsAreAbsent() {
    ValidatedQuery q = RequestValidator.validate(QueryRequest.of("q", "d", "c", "auto")).orElseThrow();

    assertThat(q.knowledgeScope()).isEqualTo(KnowledgeScope.ALL);
    assertThat(q.modelId()).isEmpty();
    assertThat(q.stream()).isFalse();
    assertThat(q.mode()).isEqualTo(Mode.AUTO);
  }

  @Test
  void everyMissingRequiredFieldIsNamed() {
    Validation<ValidatedQuery> result = parse("{}");

    assertThat(result.errors()).extracting(FieldError::field).containsExactly("query", "domain", "category", "mode");
    assertThat(result.errors()).allSatisfy(e -> assertThat(e.message()).startsWith("is required"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\t"})
  void blankQueryIsRejected(String query) {
    FieldError error = onlyError(RequestValidator.validate(QueryRequest.of(query, "d", "c", "compliance")));

    assertThat(error).isEqualTo(new FieldError("query", "must not be blank"));
  }

  @Test
  void queryOfMaximumLengthIsAcceptedAndOneMoreIsRejected() {
    String max = "a".repeat(RequestValidator.MAX_QUERY_CHARS);
    assertThat(RequestValidator.validate(QueryRequest.of(max, "d", "c", "compliance")).isValid()).isTrue();

    FieldError error = onlyError(RequestValidator.validate(QueryRequest.of(max + "a", "d", "c", "compliance")));

    assertThat(error.field()).isEqualTo("query");
    assertThat(error.message()).contains("at most 8000 characters").contains("8001");
  }

  @Test
  void unknownModeNamesTheAllowedValues() {
    FieldError error = onlyError(RequestValidator.validate(QueryRequest.of("q", "d", "c", "creative")));

    assertThat(error).isEqualTo(new FieldError("mode", "must be one of compliance, advisory, auto"));
  }

  @Test
  void modeIsCaseSensitiveLikeEgret() {
    assertThat(RequestValidator.validate(QueryRequest.of("q", "d", "c", "Compliance")).isValid()).isFalse();
  }

  @Test
  void unknownKnowledgeScopeNamesTheAllowedValues() {
    FieldError error = onlyError(RequestValidator.validate(QueryRequest.of("q", "d", "c", "compliance").withKnowledgeScope("everything")));

    assertThat(error).isEqualTo(new FieldError("knowledge_scope", "must be one of all, public, private"));
  }

  @Test
  void sessionIdMustBeAUuid() {
    FieldError error = onlyError(RequestValidator.validate(QueryRequest.of("q", "d", "c", "compliance").withSessionId("42")));
    assertThat(error.field()).isEqualTo("session_id");

    UUID id = UUID.randomUUID();
    ValidatedQuery ok = RequestValidator.validate(QueryRequest.of("q", "d", "c", "compliance").withSessionId(id.toString())).orElseThrow();
    assertThat(ok.sessionId()).contains(id);
  }

  @Test
  void blankModelIsRejectedUnderTheFieldTheClientUsed() {
    FieldError error = onlyError(RequestValidator.validate(new QueryRequest("q", "d", "c", "compliance", null, " ", null, null, null)));

    assertThat(error.field()).isEqualTo("model");
  }

  @Test
  void wrongJsonTypeNamesTheField() {
    FieldError error = onlyError(parse("{\"query\":\"q\",\"domain\":\"d\",\"category\":\"c\",\"mode\":\"auto\",\"stream\":\"yes\"}"));

    assertThat(error.field()).isEqualTo("stream");
    assertThat(error.message()).isEqualTo("must be true or false");
  }

  // Jackson's own messages name Java types (java.lang.String, dev.egretta.api.QueryRequest, JsonToken...):
  // the client gets the JSON type the field needs instead.
  @Test
  void typeErrorsNameTheJsonTypeNeverAJavaType() {
    String base = "\"domain\":\"d\",\"category\":\"c\",\"mode\":\"auto\"";
    FieldError object = onlyError(parse("{\"query\":{\"a\":1}," + base + "}"));
    assertThat(object.field()).isEqualTo("query");
    assertThat(object.message()).isEqualTo("must be a string");
    FieldError array = onlyError(parse("[1,2]"));
    assertThat(array.field()).isEqualTo("body");
    assertThat(array.message()).isEqualTo("must be a JSON object");
    FieldError scalar = onlyError(parse("42"));
    assertThat(scalar.message()).isEqualTo("must be a JSON object");
    for (String json : List.of("{\"query\":[\"x\"]," + base + "}", "[1,2]", "\"text\"", "{\"query\":\"q\"," + base
        + ",\"stream\":{}}", "{\"query\":\"q\"," + base + ",\"stream\":1.5e400}", "{\"query\":\"q\"} x")) {
      for (FieldError e : ((Validation.Invalid<ValidatedQuery>) parse(json)).errors()) {
        assertThat(e.message()).as(json).doesNotContainPattern("java\\.|dev\\.egretta|JsonToken|`|Cannot deserialize");
      }
    }
    FieldError rename = ((Validation.Invalid<String>) RequestValidator.parseRename(
        "{\"title\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8))).errors().getFirst();
    assertThat(rename.field()).isEqualTo("title");
    assertThat(rename.message()).isEqualTo("must be a string");
  }

  @Test
  void malformedAndEmptyBodiesAreFieldErrorsOnBody() {
    assertThat(onlyError(parse("{\"query\": ")).field()).isEqualTo("body");
    assertThat(onlyError(parse("")).message()).contains("empty");
    assertThat(onlyError(parse("null")).field()).isEqualTo("body");
    assertThat(onlyError(parse("[1,2]")).field()).isEqualTo("body");
    assertThat(onlyError(parse("{} {}")).field()).isEqualTo("body");
  }

  @Test
  void invalidResultCarriesTheContractErrorBody() {
    Validation<ValidatedQuery> result = RequestValidator.validate(QueryRequest.of("q", "d", "c", "creative"));

    ErrorBody body = ((Validation.Invalid<ValidatedQuery>) result).body();

    assertThat(EgretJson.write(body)).isEqualTo(
        "{\"detail\":\"Invalid request: mode must be one of compliance, advisory, auto.\","
            + "\"errors\":[{\"field\":\"mode\",\"message\":\"must be one of compliance, advisory, auto\"}]}");
  }

  @Test
  void renameTitleMustBeOneToTwoHundredCharacters() {
    assertThat(RequestValidator.validateRename(new RenameRequest("  Renamed Title ")).orElseThrow()).isEqualTo("Renamed Title");
    assertThat(RequestValidator.validateRename(new RenameRequest("x".repeat(200))).isValid()).isTrue();

    assertThat(onlyError(RequestValidator.validateRename(new RenameRequest("x".repeat(201)))).message()).contains("1 to 200");
    assertThat(onlyError(RequestValidator.validateRename(new RenameRequest("   "))).field()).isEqualTo("title");
    assertThat(onlyError(RequestValidator.validateRename(new RenameRequest(null))).message()).isEqualTo("is required");
    assertThat(onlyError(RequestValidator.parseRename("{\"title\": {\"a\": 1}}".getBytes(StandardCharsets.UTF_8))).field()).isEqualTo("title");
  }

  @Test
  void recentLimitIsAnIntegerFromOneToOneHundred() {
    assertThat(RequestValidator.validateLimit(null, 5).orElseThrow()).isEqualTo(5);
    assertThat(RequestValidator.validateLimit("1", 5).orElseThrow()).isEqualTo(1);
    assertThat(RequestValidator.validateLimit("100", 5).orElseThrow()).isEqualTo(100);

    for (String bad : List.of("0", "101", "-3", "ten", "1e2", "99999999999")) {
      FieldError error = onlyError(RequestValidator.validateLimit(bad, 5));
      assertThat(error).isEqualTo(new FieldError("limit", "must be an integer from 1 to 100"));
    }
  }
}
