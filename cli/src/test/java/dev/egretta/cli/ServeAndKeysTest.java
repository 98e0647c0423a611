package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.api.EgretJson;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.BufferedReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeAndKeysTest {
  @TempDir Path dir;

  @Test
  void keysAddPrintsTheKeyOnceAndStoresOnlyItsHash() throws Exception {
    CliRun run = CliRun.run(dir, "keys", "add", "--org", "acme");

    assertThat(run.exitCode()).as(run.err()).isZero();
    String key = run.out().strip();
    assertThat(key).startsWith("egret_");
    List<String> lines = Files.readAllLines(dir.resolve("egretta-data/api-keys"));
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("acme sha256:[0-9a-f]{64}"));
    assertThat(String.join("\n", lines)).doesNotContain(key);
    assertThat(run.err()).contains("only time the key is shown");
  }

  @Test
  void keysAddRejectsABadOrganisation() {
    CliRun run = CliRun.run(dir, "keys", "add", "--org", "no spaces please");

    assertThat(run.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(run.err()).contains("organisation id must be");
    for (String traversal : List.of("..", ".", ".hidden")) {
      CliRun dots = CliRun.run(dir, "keys", "add", "--org", traversal);
      assertThat(dots.exitCode()).as(traversal).isEqualTo(Egretta.USAGE);
      assertThat(dots.err()).contains("organisation id must be");
    }
    assertThat(dir.resolve("egretta-data/api-keys")).doesNotExist();
  }

  @Test
  void serveRefusesBadLimitsNamingTheFlag() {
    CliRun negative = CliRun.run(dir, "serve", "--rate-limit", "-1");
    assertThat(negative.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(negative.err()).contains("--rate-limit must be >= 0");
    CliRun streams = CliRun.run(dir, "serve", "--max-streams", "0");
    assertThat(streams.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(streams.err()).contains("--max-streams must be >= 1");
    CliRun body = CliRun.run(dir, "serve", "--max-body-bytes", "10");
    assertThat(body.exitCode()).isEqualTo(Egretta.USAGE);
    assertThat(body.err()).contains("--max-body-bytes");
  }

  @Test
  void serveWithoutAKeysFileFailsWithAHint() {
    CliRun run = CliRun.run(dir, "serve", "--index", DemoFixture.get().index().toString());

    assertThat(run.exitCode()).isEqualTo(Egretta.FAILURE);
    assertThat(run.err()).contains("no API keys file at").contains("egretta keys add --org ORG");
  }

  @Test
  void serveAnswersTheEgretApiWithAKeyAndStopsWhenInterrupted() throws Exception {
    CliRun keys = CliRun.run(dir, "keys", "add", "--org", "acme", "--json");
    String key = EgretJson.mapper().readTree(keys.out()).get("key").asText();

    PipedWriter pipe = new PipedWriter();
    BufferedReader lines = new BufferedReader(new PipedReader(pipe, 1 << 16));
    StringWriter err = new StringWriter();
    Context context = new Context(new PrintWriter(pipe, true), new PrintWriter(err, true), Map.of(), dir, false);
    AtomicInteger exit = new AtomicInteger(-1);
    Thread server = new Thread(() -> exit.set(Egretta.run(context, "serve", "--port", "0", "--json",
        "--rate-limit", "0", "--max-streams", "2", "--source-root", "demo=" + DemoFixture.get().corpus(),
        "--model-alias", "us.anthropic.claude-3-5-haiku-20241022-v1:0=egretta-extractive",
        "--index", DemoFixture.get().index().toString(), "--sessions", dir.resolve("s.db").toString())));
    server.start();
    try {
      JsonNode started = EgretJson.mapper().readTree(lines.readLine());
      String url = started.get("url").asText();
      assertThat(started.get("api_keys").asInt()).isEqualTo(1);
      assertThat(started.get("rate_limit_per_minute").asInt()).isZero();
      assertThat(started.get("max_streams").asInt()).isEqualTo(2);

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> models = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/models/"))
          .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(models.statusCode()).isEqualTo(200);
      assertThat(models.body()).contains("egretta-extractive");

      String body = "{\"query\":\"What is the recovery time objective for payment processing?\","
          + "\"domain\":\"business-continuity\",\"category\":\"us\",\"mode\":\"compliance\"}";
      HttpResponse<String> query = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/query/"))
          .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
      assertThat(EgretJson.mapper().readTree(query.body()).get("sources").get(0).get("page_number").asInt())
          .isEqualTo(2);
      assertThat(EgretJson.mapper().readTree(query.body()).get("sources").get(0).get("uri").asText())
          .startsWith("file:demo/business-continuity/pdf/us/");
      assertThat(query.body()).doesNotContain(DemoFixture.get().dir.toString());
      HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200); // no key: a scraper is no organisation
      assertThat(metrics.body()).containsPattern("egretta_query_seconds_count\\{[^}]*outcome=\"answered\"[^}]*} 1")
          .contains("jvm_memory_used_bytes");

      // Egret's example request names a Bedrock model: the alias answers it with the extractive generator, and the
      // local document's download_url is the server's authenticated download route.
      HttpResponse<String> aliased = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/query/"))
          .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.replace("}",
              ",\"model\":\"us.anthropic.claude-3-5-haiku-20241022-v1:0\"}"))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(aliased.statusCode()).as(aliased.body()).isEqualTo(200);
      JsonNode aliasedJson = EgretJson.mapper().readTree(aliased.body());
      assertThat(aliasedJson.get("usage").get("model").asText()).isEqualTo("egretta-extractive");
      String link = aliasedJson.get("sources").get(0).get("download_url").asText();
      assertThat(link).startsWith(url + "/v1/downloads/");
      HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(link)).header("Authorization", "Bearer " + key)
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(new String(file.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

      // An organisation's private knowledge base: upload a PDF, find it with knowledge_scope private, delete it.
      byte[] pdf = Files.readAllBytes(DemoFixture.get().corpus()
          .resolve("information-security/pdf/us/access-control-policy.pdf"));
      String boundary = "egretta-test-boundary";
      java.io.ByteArrayOutputStream multipart = new java.io.ByteArrayOutputStream();
      multipart.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"domain\"\r\n\r\nvendors\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nus\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"acme-access.pdf\"\r\n"
          + "Content-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      multipart.writeBytes(pdf);
      multipart.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/knowledge-base/documents/"))
          .header("Authorization", "Bearer " + key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.toByteArray())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
      String documentId = EgretJson.mapper().readTree(upload.body()).get("document_id").asText();
      assertThat(Files.isDirectory(DemoFixture.get().dir.resolve("demo/uploads/acme"))).isTrue();

      String privateBody = "{\"query\":\"Is multi-factor authentication required for remote access?\","
          + "\"domain\":\"vendors\",\"category\":\"us\",\"mode\":\"compliance\",\"knowledge_scope\":\"private\"}";
      HttpResponse<String> privateQuery = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/query/"))
          .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(privateBody)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(privateQuery.statusCode()).as(privateQuery.body()).isEqualTo(200);
      JsonNode privateSource = EgretJson.mapper().readTree(privateQuery.body()).get("sources").get(0);
      assertThat(privateSource.get("filename").asText()).isEqualTo("acme-access.pdf");
      assertThat(privateSource.get("is_private").asBoolean()).isTrue();
      assertThat(privateSource.get("uri").asText()).startsWith("file:uploads/acme/").endsWith("/acme-access.pdf");
      assertThat(upload.body()).doesNotContain(DemoFixture.get().dir.toString())
          .contains("\"uri\":\"" + privateSource.get("uri").asText() + "\"");

      HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(
          URI.create(url + "/v1/knowledge-base/documents/" + documentId + "/")).DELETE()
          .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

      HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/models/")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);
    } finally {
      server.interrupt();
      server.join(30_000);
    }
    assertThat(server.isAlive()).isFalse();
    assertThat(exit.get()).as(err.toString()).isZero();
  }

  @Test
  void serveWithNoMetricsHasNoMetricsRoute() throws Exception {
    CliRun.run(dir, "keys", "add", "--org", "acme");
    PipedWriter pipe = new PipedWriter();
    BufferedReader lines = new BufferedReader(new PipedReader(pipe, 1 << 16));
    StringWriter err = new StringWriter();
    Context context = new Context(new PrintWriter(pipe, true), new PrintWriter(err, true), Map.of(), dir, false);
    AtomicInteger exit = new AtomicInteger(-1);
    Thread server = new Thread(() -> exit.set(Egretta.run(context, "serve", "--port", "0", "--json", "--no-metrics",
        "--index", DemoFixture.get().index().toString(), "--sessions", dir.resolve("s.db").toString())));
    server.start();
    try {
      String url = EgretJson.mapper().readTree(lines.readLine()).get("url").asText();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(404);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    } finally {
      server.interrupt();
      server.join(30_000);
    }
    assertThat(exit.get()).as(err.toString()).isZero();
  }
}
