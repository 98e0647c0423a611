package dev.egretta.bedrock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server speaking the Bedrock control plane's restJson1 protocol for the two calls the live
 * catalog makes: {@code GET /foundation-models} and {@code GET /inference-profiles} (paged by
 * {@code nextToken}, {@value #PAGE} profiles a page). Its listing is set by the test; it records every
 * request with its query and whether it was SigV4-signed, and can fail the next requests with an AWS error.
 */
final class ControlPlaneServer implements AutoCloseable {
  static final int PAGE = 2;

  /** One foundation model of the listing. */
  record Model(String id, String name, List<String> input, List<String> output, List<String> inference,
      boolean streaming, String lifecycle) {
    static Model text(String id, String name, String... inference) {
      return new Model(id, name, List.of("TEXT"), List.of("TEXT"), List.of(inference), true, "ACTIVE");
    }
  }

  /** One inference profile of the listing. */
  record Profile(String id, String name, String modelId, String status) {}

  /** One recorded request. */
  record Recorded(String path, String query, boolean signed) {}

  final List<Recorded> requests = new CopyOnWriteArrayList<>();
  volatile List<Model> models = List.of();
  volatile List<Profile> profiles = List.of();
  final AtomicInteger failNext = new AtomicInteger();
  volatile int failStatus = 500;
  volatile String failType = "InternalServerException";
  private final HttpServer server;

  ControlPlaneServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  long count(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).count();
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String query = ex.getRequestURI().getRawQuery();
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    requests.add(new Recorded(path, query == null ? "" : query, auth != null && auth.startsWith("AWS4-HMAC-SHA256 ")));
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      ObjectNode error = BedrockWireServer.JSON.createObjectNode().put("message", "scripted failure");
      ex.getResponseHeaders().add("x-amzn-ErrorType", failType);
      send(ex, failStatus, error);
      return;
    }
    switch (path) {
      case "/foundation-models" -> send(ex, 200, foundationModels(query));
      case "/inference-profiles" -> send(ex, 200, inferenceProfiles(query));
      default -> send(ex, 404, BedrockWireServer.JSON.createObjectNode().put("message", "no route " + path));
    }
  }

  private ObjectNode foundationModels(String query) {
    ObjectNode root = BedrockWireServer.JSON.createObjectNode();
    ArrayNode list = root.putArray("modelSummaries");
    for (Model m : models) {
      if (query != null && query.contains("byOutputModality=TEXT") && !m.output().contains("TEXT")) {
        continue;
      }
      ObjectNode n = list.addObject();
      n.put("modelArn", "arn:aws:bedrock:us-east-1::foundation-model/" + m.id());
      n.put("modelId", m.id());
      n.put("modelName", m.name());
      n.put("providerName", m.id().substring(0, m.id().indexOf('.')));
      m.input().forEach(n.putArray("inputModalities")::add);
      m.output().forEach(n.putArray("outputModalities")::add);
      n.put("responseStreamingSupported", m.streaming());
      n.putArray("customizationsSupported");
      m.inference().forEach(n.putArray("inferenceTypesSupported")::add);
      n.putObject("modelLifecycle").put("status", m.lifecycle());
    }
    return root;
  }

  private ObjectNode inferenceProfiles(String query) {
    int start = 0;
    if (query != null) {
      for (String part : query.split("&")) {
        if (part.startsWith("nextToken=")) {
          start = Integer.parseInt(part.substring("nextToken=".length()).replace("page-", ""));
        }
      }
    }
    List<Profile> all = profiles;
    ObjectNode root = BedrockWireServer.JSON.createObjectNode();
    ArrayNode list = root.putArray("inferenceProfileSummaries");
    for (Profile p : all.subList(start, Math.min(all.size(), start + PAGE))) {
      ObjectNode n = list.addObject();
      n.put("inferenceProfileName", p.name());
      n.put("inferenceProfileArn", "arn:aws:bedrock:us-east-1:123456789012:inference-profile/" + p.id());
      n.put("inferenceProfileId", p.id());
      n.put("status", p.status());
      n.put("type", "SYSTEM_DEFINED");
      ArrayNode ms = n.putArray("models");
      for (String region : List.of("us-east-1", "us-west-2")) {
        ms.addObject().put("modelArn", "arn:aws:bedrock:" + region + "::foundation-model/" + p.modelId());
      }
    }
    if (start + PAGE < all.size()) {
      root.put("nextToken", "page-" + (start + PAGE));
    }
    return root;
  }

  private static void send(HttpExchange ex, int status, ObjectNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (var out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
