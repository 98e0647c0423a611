package dev.egretta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.api.EgretJson;
import dev.egretta.elasticsearch.EsTestCluster;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code egretta serve --backend elasticsearch} against a real node, two servers sharing one cluster index
 * (several application instances): an organisation's upload to one server is answerable in that
 * organisation's private scope on the other, never in another organisation's scopes nor in the public scope,
 * and its deletion on either server is seen by both.
 */
class ServeOnElasticsearchTest {
  private static final String MFA = "Is multi-factor authentication required for remote access?";

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void uploadsAreTheOrganisationsOwnOnEveryServerOfTheCluster() throws Exception {
    var why = EsTestCluster.unavailable();
    assumeTrue(why.isEmpty(), () -> "Elasticsearch tests skipped: " + why.orElse(""));
    Path corpus = DemoFixture.get().corpus();
    try (EsTestCluster cluster = EsTestCluster.start(1)) {
      String[] es = {"--backend", "elasticsearch", "--es-url", cluster.url(), "--es-index", "serve-test"};
      CliRun index = CliRun.run(dir, concat(new String[] {"index", corpus.toString()}, es));
      assertThat(index.exitCode()).as(index.err()).isZero();
      String acme = key("acme");
      String globex = key("globex");
      try (Server a = new Server(es, "a"); Server b = new Server(es, "b")) {
        JsonNode acmeDoc = upload(a, acme, "acme-access.pdf",
            corpus.resolve("information-security/pdf/us/access-control-policy.pdf"));
        upload(b, globex, "globex-bcp.pdf", corpus.resolve("business-continuity/pdf/us/business-continuity-plan.pdf"));

        // The other server, over the same index, answers acme's private question from acme's upload.
        JsonNode own = query(b, acme, "private");
        assertThat(filenames(own)).isNotEmpty().containsOnly("acme-access.pdf");
        own.get("sources").forEach(s -> assertThat(s.get("is_private").asBoolean()).isTrue());

        // globex sees its own upload and the public library, never acme's upload, on either server.
        for (Server s : List.of(a, b)) {
          assertThat(filenames(query(s, globex, "private"))).doesNotContain("acme-access.pdf")
              .allMatch("globex-bcp.pdf"::equals);
          assertThat(filenames(query(s, globex, "all"))).isNotEmpty().doesNotContain("acme-access.pdf");
        }
        // The public scope holds no private document of anyone's.
        JsonNode publicOnly = query(a, acme, "public");
        assertThat(filenames(publicOnly)).isNotEmpty().doesNotContain("acme-access.pdf", "globex-bcp.pdf");
        publicOnly.get("sources").forEach(s -> assertThat(s.get("is_private").asBoolean()).isFalse());

        // Lists and deletes are per organisation: globex neither lists nor deletes acme's document.
        assertThat(send(a, globex, "GET", "/v1/knowledge-base/documents/").body()).doesNotContain("acme-access.pdf")
            .contains("globex-bcp.pdf");
        String acmePath = "/v1/knowledge-base/documents/" + acmeDoc.get("document_id").asText() + "/";
        assertThat(send(b, globex, "DELETE", acmePath).statusCode()).isEqualTo(404);
        assertThat(send(b, acme, "DELETE", acmePath).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = post(a, acme, MFA, "private");
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(400);
        assertThat(gone.body()).contains("has none");
        assertThat(send(a, acme, "GET", "/v1/knowledge-base/documents/").body()).doesNotContain("acme-access.pdf");
      }
    }
  }

  private String key(String org) throws Exception {
    CliRun run = CliRun.run(dir, "keys", "add", "--org", org, "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return EgretJson.mapper().readTree(run.out()).get("key").asText();
  }

  private JsonNode upload(Server server, String key, String filename, Path pdf) throws Exception {
    String boundary = "egretta-es-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"domain\"\r\n\r\ninformation-security\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nus\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(Files.readAllBytes(pdf));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url + "/v1/knowledge-base/documents/"))
        .header("Authorization", "Bearer " + key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return EgretJson.mapper().readTree(r.body());
  }

  private JsonNode query(Server server, String key, String scope) throws Exception {
    HttpResponse<String> r = post(server, key, MFA, scope);
    assertThat(r.statusCode()).as(scope + ": " + r.body()).isEqualTo(200);
    return EgretJson.mapper().readTree(r.body());
  }

  private HttpResponse<String> post(Server server, String key, String question, String scope) throws Exception {
    String body = "{\"query\":\"" + question + "\",\"domain\":\"information-security\",\"category\":\"us\","
        + "\"mode\":\"compliance\",\"knowledge_scope\":\"" + scope + "\"}";
    return http.send(HttpRequest.newBuilder(URI.create(server.url + "/v1/query/"))
        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(Server server, String key, String method, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url + path)).header("Authorization", "Bearer " + key)
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> filenames(JsonNode answer) {
    List<String> names = new ArrayList<>();
    answer.get("sources").forEach(s -> names.add(s.get("filename").asText()));
    return names;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** One {@code egretta serve} on the cluster, in this JVM, sharing the test's data folder (keys, uploads). */
  private final class Server implements AutoCloseable {
    final String url;
    private final Thread thread;
    private final AtomicInteger exit = new AtomicInteger(-1);
    private final StringWriter err = new StringWriter();

    Server(String[] es, String name) throws Exception {
      PipedWriter pipe = new PipedWriter();
      BufferedReader lines = new BufferedReader(new PipedReader(pipe, 1 << 16));
      Context context = new Context(new PrintWriter(pipe, true), new PrintWriter(err, true), Map.of(), dir, false);
      String[] args = concat(new String[] {"serve", "--port", "0", "--json", "--rate-limit", "0", "--no-metrics",
          "--sessions", dir.resolve(name + ".db").toString()}, es);
      thread = new Thread(() -> exit.set(Egretta.run(context, args)), "serve-" + name);
      thread.start();
      String first = lines.readLine();
      assertThat(first).as(err.toString()).isNotNull();
      url = EgretJson.mapper().readTree(first).get("url").asText();
    }

    @Override
    public void close() throws InterruptedException {
      thread.interrupt();
      thread.join(30_000);
      assertThat(thread.isAlive()).isFalse();
      assertThat(exit.get()).as(err.toString()).isZero();
    }
  }
}
