package dev.egretta.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.api.EgretJson;
import dev.egretta.core.Engine;
import dev.egretta.core.Organisation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A running server on a free loopback port and a real {@code java.net.http} client for it. */
final class TestServer implements AutoCloseable {
  static final String ALPHA_KEY = "egret_alpha-test-key";
  static final String BETA_KEY = "egret_beta-test-key";
  static final Organisation ALPHA = Organisation.of("alpha");
  static final Organisation BETA = Organisation.of("beta");

  final EgrettaServer server;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A server over a {@link FakeEngine} with in-memory private documents and no rate limit. */
  static TestServer withFakeEngineAndDocuments() {
    return new TestServer(new FakeEngine(), b -> b.noRateLimit().privateDocuments(new InMemoryDocuments()));
  }

  TestServer(Engine engine, UnaryOperator<EgrettaServer.Builder> settings) {
    this(engine, ApiKeys.of(Map.of(ALPHA_KEY, ALPHA, BETA_KEY, BETA)), settings);
  }

  /** A server with other keys than alpha's and beta's. */
  TestServer(Engine engine, ApiKeys keys, UnaryOperator<EgrettaServer.Builder> settings) {
    EgrettaServer.Builder builder = EgrettaServer.builder()
        .engine(engine)
        .apiKeys(keys)
        .port(0)
        .heartbeatInterval(Duration.ofMillis(100))
        .shutdownTimeout(Duration.ofSeconds(5));
    this.server = settings.apply(builder).build().start();
  }

  URI uri(String path) {
    return URI.create(server.baseUrl() + path);
  }

  HttpRequest.Builder request(String path, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
    return key == null ? b : b.header("Authorization", "Bearer " + key);
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path, String key) {
    return send(request(path, key).GET().build());
  }

  HttpResponse<String> post(String path, String key, String json) {
    return send(request(path, key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  HttpResponse<String> delete(String path, String key) {
    return send(request(path, key).DELETE().build());
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return EgretJson.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  static String queryBody(String question, boolean stream) {
    return "{\"query\":\"" + question + "\",\"domain\":\"business-continuity\",\"category\":\"us\","
        + "\"mode\":\"compliance\",\"stream\":" + stream + "}";
  }

  @Override
  public void close() {
    server.close();
  }
}
