package dev.egretta.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.EgretJson;
import dev.egretta.testsupport.TestPdfs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The example application over real HTTP: a cited answer from {@code /ask}, Egretta's meters on Prometheus. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PolicyAssistantApplicationTest {
  private static final Path DIR;

  static {
    try {
      DIR = Files.createTempDirectory("egretta-example-spring-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    TestPdfs.write(DIR.resolve("policies/business-continuity/pdf/us/continuity-plan.pdf"), List.of(
        "Plan approval\n\nThe contingency plan is approved by the Chief Information Officer and reviewed annually.",
        "Recovery objectives\n\nPayment processing has a recovery time objective of 4 hours."));
  }

  @DynamicPropertySource
  static void egretta(DynamicPropertyRegistry registry) {
    registry.add("egretta.index-dir", () -> DIR.resolve("index").toString());
    registry.add("egretta.documents-dir", () -> DIR.resolve("policies").toString());
  }

  @Value("${local.server.port}")
  int port;

  private String get(String path) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  void answersWithPageCitationsAndShowsTheMetrics() throws Exception {
    String answer = get("/ask?question=Who+approves+the+contingency+plan%3F&domain=business-continuity&category=us");
    assertThat(answer).contains("Chief Information Officer").contains("[Source 1]").contains("continuity-plan.pdf p. 1");
    assertThat(get("/actuator/prometheus")).containsPattern("egretta_query_seconds_count\\{[^}]*outcome=\"answered\"[^}]*} 1");
    assertThat(EgretJson.mapper().readTree(get("/actuator/health")).at("/components/egretta/status").asText())
        .isEqualTo("UP");
  }
}
