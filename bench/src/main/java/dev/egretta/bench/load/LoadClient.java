package dev.egretta.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egretta.bench.Questions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One load client: until its deadline, asks a random question of the corpus, streamed or not
 * (half each), and in 3 of 10 requests as a follow-up in its previous session. A request counts
 * as a success only when it is 200 and, when streamed, ends with a {@code done} event carrying a
 * session id; its latency is from sending to the last byte. Anything else is an error, kept with
 * its first line for the report.
 */
final class LoadClient implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One finished request. */
  record Sample(double millis, boolean streamed, boolean followUp, String error) {}

  private final HttpClient http;
  private final URI query;
  private final String key;
  private final List<Questions.Question> questions;
  private final long deadlineNanos;
  private final Random random;
  private final ConcurrentLinkedQueue<Sample> samples;
  private String session;
  private String sessionDomain;

  LoadClient(HttpClient http, URI base, String key, List<Questions.Question> questions, long deadlineNanos, long seed,
      ConcurrentLinkedQueue<Sample> samples) {
    this.http = http;
    this.query = base.resolve("/v1/query/");
    this.key = key;
    this.questions = questions;
    this.deadlineNanos = deadlineNanos;
    this.random = new Random(seed);
    this.samples = samples;
  }

  @Override
  public void run() {
    while (System.nanoTime() < deadlineNanos) {
      boolean followUp = session != null && random.nextInt(10) < 3;
      // A session keeps its domain: a follow-up asks another question of the same domain.
      List<Questions.Question> pool = followUp ? questions.stream().filter(x -> x.domain().equals(sessionDomain)).toList()
          : questions;
      Questions.Question q = pool.get(random.nextInt(pool.size()));
      boolean stream = random.nextBoolean();
      String body = "{\"query\":" + quote(q.text()) + ",\"domain\":\"" + q.domain() + "\",\"category\":\""
          + Questions.CATEGORY + "\",\"mode\":\"compliance\",\"stream\":" + stream
          + (followUp ? ",\"session_id\":\"" + session + "\"" : "") + "}";
      HttpRequest request = HttpRequest.newBuilder(query).timeout(Duration.ofSeconds(120))
          .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      long start = System.nanoTime();
      String error;
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        error = check(r, stream);
        if (error == null && !followUp) {
          sessionDomain = q.domain();
        }
      } catch (IOException e) {
        error = "I/O: " + e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      samples.add(new Sample((System.nanoTime() - start) / 1e6, stream, followUp, error));
    }
  }

  /** Null when the answer is complete; otherwise what was wrong with it. */
  private String check(HttpResponse<String> r, boolean stream) throws IOException {
    if (r.statusCode() != 200) {
      return "status " + r.statusCode() + ": " + r.body().lines().findFirst().orElse("");
    }
    String done = stream ? lastEvent(r.body(), "done") : r.body();
    if (done == null) {
      return "stream without done: " + r.body().lines().filter(l -> l.startsWith("event:")).toList();
    }
    JsonNode answer = JSON.readTree(done);
    if (!answer.hasNonNull("session_id") || !answer.hasNonNull("response")) {
      return "answer without response or session_id";
    }
    session = answer.get("session_id").asText();
    return null;
  }

  /** The data of the stream's last event when it is of the given type. */
  static String lastEvent(String body, String type) {
    String lastType = null;
    String lastData = null;
    for (String line : body.split("\n")) {
      if (line.startsWith("event: ")) {
        lastType = line.substring(7);
      } else if (line.startsWith("data: ")) {
        lastData = line.substring(6);
      }
    }
    return type.equals(lastType) ? lastData : null;
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
