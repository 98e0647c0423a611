package dev.egretta.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * A local HTTP server that speaks Bedrock Runtime's wire protocol, for tests that drive the real AWS
 * SDK clients through an endpoint override: {@code POST /model/{id}/converse} (restJson1) and
 * {@code POST /model/{id}/converse-stream} (AWS event-stream binary framing). Each incoming request
 * takes the next scripted {@link Reply}; every request is recorded with its model id and JSON body.
 */
final class BedrockWireServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One recorded request. */
  record Recorded(String method, String path, String modelId, boolean streaming, JsonNode body) {}

  /** A scripted answer to one request. */
  @FunctionalInterface
  interface Reply {
    void write(Exchange exchange, Recorded request) throws IOException, InterruptedException;
  }

  /**
   * The response side of one connection. Plain sockets rather than the JDK's HttpServer, whose writes
   * block (instead of failing) once the client has hung up, which would hide a client that closes a
   * stream. One request per connection ({@code Connection: close}).
   */
  static final class Exchange {
    private final OutputStream raw;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean chunked;

    Exchange(OutputStream raw) {
      this.raw = raw;
    }

    void header(String name, String value) {
      headers.put(name, value);
    }

    /** Sends status and headers; {@code length < 0} = chunked body of unknown length. */
    void sendHeaders(int status, long length) throws IOException {
      StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      chunked = length < 0;
      head.append(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + length).append("\r\n");
      head.append("Connection: close\r\n\r\n");
      raw.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      raw.flush();
    }

    void write(byte[] bytes) throws IOException {
      if (chunked) {
        raw.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        raw.write(bytes);
        raw.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      } else {
        raw.write(bytes);
      }
      raw.flush();
    }

    void finish() throws IOException {
      if (chunked) {
        raw.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      raw.flush();
    }
  }

  private final ServerSocket server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "bedrock-wire-server");
    t.setDaemon(true);
    return t;
  });
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Reply> embeddingScript = new ConcurrentLinkedQueue<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  /** Counted down when a streaming reply notices that the client closed the connection. */
  private volatile CountDownLatch clientClosedStream = new CountDownLatch(1);

  /** Waits until a streaming reply notices (a failed write) that the client hung up. */
  boolean awaitClientClosedStream(Duration max) throws InterruptedException {
    return clientClosedStream.await(max.toMillis(), TimeUnit.MILLISECONDS);
  }

  BedrockWireServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    executor.execute(this::accept);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        executor.execute(() -> handle(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Queues replies for the next Converse / ConverseStream requests, in order. */
  BedrockWireServer then(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  /** Queues replies for the next InvokeModel (embedding) requests; unscripted ones get {@link #titanEmbedding()}. */
  BedrockWireServer thenEmbedding(Reply... replies) {
    embeddingScript.addAll(List.of(replies));
    return this;
  }

  /** Forgets recorded requests and unused replies (servers are shared by the tests of a class). */
  void reset() {
    script.clear();
    embeddingScript.clear();
    clientClosedStream = new CountDownLatch(1);
    requests.clear();
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  Recorded lastRequest() {
    return requests.get(requests.size() - 1);
  }

  private void handle(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      String requestLine = readLine(in);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      }
      byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
      String[] request = requestLine.split(" ");
      String path = request[1];
      String[] parts = path.split("/");
      String modelId = parts.length >= 3 ? URLDecoder.decode(parts[2], StandardCharsets.UTF_8) : "";
      JsonNode json = body.length == 0 ? JSON.nullNode() : JSON.readTree(body);
      Recorded recorded = new Recorded(request[0], path, modelId, path.endsWith("/converse-stream"), json);
      requests.add(recorded);
      boolean invoke = path.endsWith("/invoke");
      Reply reply = invoke ? embeddingScript.poll() : script.poll();
      if (reply == null) {
        reply = invoke ? titanEmbedding()
            : recorded.streaming() ? StreamReplies.stream("default streamed answer [Source 1]", 10, 5)
            : converse("default answer [Source 1]", 10, 5);
      }
      Exchange exchange = new Exchange(socket.getOutputStream());
      reply.write(exchange, recorded);
      exchange.finish();
    } catch (ClientGone e) {
      clientClosedStream.countDown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client went away outside a stream; nothing to record
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  // ---- blocking Converse replies ----

  static Reply converse(String text, int inputTokens, int outputTokens) {
    return (exchange, request) -> {
      ObjectNode root = JSON.createObjectNode();
      ObjectNode message = root.putObject("output").putObject("message");
      message.put("role", "assistant");
      message.putArray("content").addObject().put("text", text);
      root.put("stopReason", "end_turn");
      root.set("usage", usage(inputTokens, outputTokens));
      root.putObject("metrics").put("latencyMs", 42);
      sendJson(exchange, 200, JSON.writeValueAsBytes(root), Map.of());
    };
  }

  private static final java.util.regex.Pattern SOURCE =
      java.util.regex.Pattern.compile("<source id=\"(\\d+)\" file=\"[^\"]*\" page=\"(\\d+)\"");

  /**
   * A Converse reply, blocking or streamed, whose {@code {pN}} are replaced by the number of the source
   * on page N in the request's prompt: a scripted model that cites the right passage whatever rank
   * retrieval gave it.
   */
  static Reply citing(String template, boolean stream, int inputTokens, int outputTokens) {
    return (exchange, request) -> {
      String text = citePages(template, request);
      (stream ? StreamReplies.stream(text, inputTokens, outputTokens) : converse(text, inputTokens, outputTokens))
          .write(exchange, request);
    };
  }

  /** {@code template} with each {@code {pN}} replaced by the number of the prompt's first source on page N. */
  static String citePages(String template, Recorded request) {
    JsonNode messages = request.body().at("/messages");
    String prompt = messages.get(messages.size() - 1).at("/content/0/text").asText();
    Map<String, String> byPage = new LinkedHashMap<>();
    java.util.regex.Matcher m = SOURCE.matcher(prompt);
    while (m.find()) {
      byPage.putIfAbsent(m.group(2), m.group(1));
    }
    java.util.regex.Matcher p = java.util.regex.Pattern.compile("\\{p(\\d+)}").matcher(template);
    StringBuilder out = new StringBuilder();
    while (p.find()) {
      String n = byPage.get(p.group(1));
      if (n == null) {
        throw new AssertionError("no source on page " + p.group(1) + " among the prompt's sources " + byPage);
      }
      p.appendReplacement(out, n);
    }
    return p.appendTail(out).toString();
  }

  /** An AWS JSON error: HTTP status, {@code x-amzn-ErrorType} and a message body. */
  static Reply error(int status, String errorType, String message) {
    return (exchange, request) -> sendJson(exchange, status,
        JSON.writeValueAsBytes(JSON.createObjectNode().put("message", message)),
        Map.of("x-amzn-ErrorType", errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/"));
  }

  static Reply raw(int status, String contentType, String body) {
    return (exchange, request) -> {
      exchange.header("Content-Type", contentType);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendHeaders(status, bytes.length);
      exchange.write(bytes);
    };
  }

  /** Accepts the request and says nothing for {@code silence}. */
  static Reply stall(Duration silence) {
    return (exchange, request) -> Thread.sleep(silence.toMillis());
  }

  // ---- InvokeModel: Titan Text Embeddings v2 ----

  /**
   * Titan v2's answer to {@code {"inputText", "dimensions", "normalize"}}: a deterministic, normalized
   * bag-of-words vector (each lower-cased word hashed into a bucket), so texts sharing words are
   * close, as with a real embedding model; the token count is the word count.
   */
  static Reply titanEmbedding() {
    return (exchange, request) -> {
      String text = request.body().path("inputText").asText();
      int dimensions = request.body().path("dimensions").asInt(1024);
      float[] vector = new float[dimensions];
      String[] words = text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
      int count = 0;
      for (String word : words) {
        if (word.length() > 2) {
          vector[Math.floorMod(word.hashCode(), dimensions)] += 1f;
          count++;
        }
      }
      double norm = 0;
      for (float v : vector) {
        norm += v * v;
      }
      ObjectNode root = JSON.createObjectNode();
      var array = root.putArray("embedding");
      for (float v : vector) {
        array.add(norm == 0 ? 0f : (float) (v / Math.sqrt(norm)));
      }
      root.put("inputTextTokenCount", Math.max(count, 1));
      sendJson(exchange, 200, JSON.writeValueAsBytes(root), Map.of());
    };
  }

  /** Thrown by a streaming reply ({@link StreamReplies}) when the client closed the connection mid-stream. */
  static final class ClientGone extends IOException {
    ClientGone() {
      super("client closed the stream");
    }
  }

  static ObjectNode usage(int inputTokens, int outputTokens) {
    return JSON.createObjectNode().put("inputTokens", inputTokens).put("outputTokens", outputTokens)
        .put("totalTokens", inputTokens + outputTokens);
  }

  private static void sendJson(Exchange exchange, int status, byte[] body, Map<String, String> headers)
      throws IOException {
    exchange.header("Content-Type", "application/json");
    exchange.header("x-amzn-RequestId", "test-request");
    headers.forEach(exchange::header);
    exchange.sendHeaders(status, body.length);
    exchange.write(body);
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
