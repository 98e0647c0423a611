package dev.egretta.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.egretta.api.EgretJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One of the isolation matrix's concurrent clients: until the shared request budget is spent, it
 * takes a random organisation's key and sends one random request of the matrix (a query in one of
 * the three scopes, streamed or not, new or a follow-up; a call on another organisation's session
 * or document; a read of its own sessions, messages or documents), and records every unexpected
 * status and every leak {@link LeakScan} finds. State shared by the clients is thread-safe.
 */
final class IsolationClient implements Runnable {
  static final String QUESTION = "What does the zebra evacuation protocol require for the ledger vault drills?";
  private static final List<String> SCOPES = List.of("all", "public", "private");

  /** What the clients share: the server, the budget, the sessions made so far and the findings. */
  record Shared(TestServer http, Map<Integer, String> keys, LeakScan scan, Map<Integer, List<String>> documentIds,
      AtomicInteger budget, Map<Integer, List<UUID>> sessions, Map<UUID, AtomicInteger> messages,
      Queue<String> failures, AtomicLong requests, AtomicLong crossOrgCalls, AtomicLong ownCanaryHits,
      AtomicLong privateQueries) {
    Shared(TestServer http, Map<Integer, String> keys, LeakScan scan, Map<Integer, List<String>> documentIds, int budget) {
      this(http, keys, scan, documentIds, new AtomicInteger(budget), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
          new ConcurrentLinkedQueue<>(), new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());
    }
  }

  private final Shared s;
  private final Random random;

  IsolationClient(Shared shared, long seed) {
    this.s = shared;
    this.random = new Random(seed);
  }

  @Override
  public void run() {
    while (s.budget().getAndDecrement() > 0 && s.failures().size() < 20) {
      int org = 1 + random.nextInt(s.keys().size());
      try {
        int kind = random.nextInt(100);
        if (kind < 45) {
          query(org);
        } else if (kind < 65) {
          crossOrganisation(org);
        } else if (kind < 75) {
          ownMessages(org);
        } else if (kind < 85) {
          check(org, "recent sessions", s.http().get("/v1/sessions/recent/?limit=100", key(org)), 200);
        } else if (kind < 95) {
          HttpResponse<String> docs = check(org, "documents", s.http().get(DocumentRoutes.PATH, key(org)), 200);
          if (docs.statusCode() == 200 && TestServer.json(docs).size() != s.documentIds().get(org).size()) {
            fail(org, "documents", "lists " + TestServer.json(docs).size() + " documents, owns "
                + s.documentIds().get(org).size());
          }
        } else {
          int victim = other(org);
          List<String> ids = s.documentIds().get(victim);
          String id = ids.get(random.nextInt(ids.size()));
          s.crossOrgCalls().incrementAndGet();
          check(org, "delete org" + victim + "'s document", s.http().delete(DocumentRoutes.PATH + id + "/", key(org)), 404);
        }
      } catch (RuntimeException e) {
        fail(org, "request", e.toString());
      }
    }
  }

  private void query(int org) {
    String scope = SCOPES.get(random.nextInt(SCOPES.size()));
    boolean stream = random.nextBoolean();
    List<UUID> own = s.sessions().getOrDefault(org, List.of());
    UUID followUp = !own.isEmpty() && random.nextBoolean() ? own.get(random.nextInt(own.size())) : null;
    HttpResponse<String> r = s.http().post("/v1/query/", key(org), body(scope, stream, followUp));
    String what = "query scope=" + scope + " stream=" + stream + (followUp == null ? "" : " follow-up");
    if (check(org, what, r, 200).statusCode() != 200) {
      return;
    }
    JsonNode answer = stream ? doneEvent(org, what, r) : TestServer.json(r);
    if (answer == null) {
      return;
    }
    UUID session = UUID.fromString(answer.get("session_id").asText());
    if (followUp != null && !followUp.equals(session)) {
      fail(org, what, "answered in session " + session + " instead of " + followUp);
    }
    if (s.messages().computeIfAbsent(session, x -> new AtomicInteger()).addAndGet(2) == 2) {
      s.sessions().computeIfAbsent(org, x -> new CopyOnWriteArrayList<>()).add(session);
    }
    if (scope.equals("public") && LeakScan.hasAnyCanary(r.body())) {
      fail(org, what, "a public-scope answer holds a private canary");
    }
    if (!scope.equals("public")) {
      s.privateQueries().incrementAndGet();
      if (LeakScan.hasOwnCanary(org, r.body())) {
        s.ownCanaryHits().incrementAndGet();
      }
    }
  }

  private JsonNode doneEvent(int org, String what, HttpResponse<String> r) {
    if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
      fail(org, what, "not an event stream: " + r.headers().firstValue("Content-Type"));
      return null;
    }
    List<SseParser.Event> events;
    try {
      events = new SseParser(new BufferedReader(new StringReader(r.body()))).all();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (events.isEmpty() || !events.getLast().type().equals("done")) {
      fail(org, what, "the stream did not end with done: " + r.body().lines().limit(3).toList());
      return null;
    }
    try {
      return EgretJson.mapper().readTree(events.getLast().data());
    } catch (IOException e) {
      fail(org, what, "done is not JSON: " + events.getLast().data());
      return null;
    }
  }

  /** A call on another organisation's session: each must be 404, exactly as for a session that never existed. */
  private void crossOrganisation(int org) {
    int victim = other(org);
    List<UUID> theirs = s.sessions().getOrDefault(victim, List.of());
    UUID id = theirs.isEmpty() ? UUID.randomUUID() : theirs.get(random.nextInt(theirs.size()));
    s.crossOrgCalls().incrementAndGet();
    String base = "/v1/sessions/" + id;
    HttpResponse<String> r = switch (random.nextInt(5)) {
      case 0 -> s.http().get(base + "/messages/", key(org));
      case 1 -> s.http().post(base + "/rename/", key(org), "{\"title\":\"taken over by "
          + LeakScan.canary(org, "00000000") + "\"}");
      case 2 -> s.http().delete(base + "/delete/", key(org));
      case 3 -> s.http().post("/v1/query/", key(org), body("all", false, id));
      default -> s.http().post("/v1/query/", key(org), body("all", true, id));
    };
    check(org, "org" + victim + "'s session " + r.request().method() + " " + r.request().uri().getPath(), r, 404);
    if (r.statusCode() == 404 && !r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
      fail(org, "cross-organisation call", "404 is not JSON: " + r.headers().firstValue("Content-Type"));
    }
  }

  private void ownMessages(int org) {
    List<UUID> own = s.sessions().getOrDefault(org, List.of());
    String path = own.isEmpty() ? "/v1/sessions/recent/" : "/v1/sessions/" + own.get(random.nextInt(own.size()))
        + "/messages/";
    check(org, "own messages", s.http().get(path, key(org)), 200);
  }

  private static String body(String scope, boolean stream, UUID session) {
    return "{\"query\":\"" + QUESTION + "\",\"domain\":\"business-continuity\",\"category\":\"us\",\"mode\":\"compliance\","
        + "\"knowledge_scope\":\"" + scope + "\",\"stream\":" + stream
        + (session == null ? "" : ",\"session_id\":\"" + session + "\"") + "}";
  }

  private HttpResponse<String> check(int org, String what, HttpResponse<String> r, int expected) {
    s.requests().incrementAndGet();
    if (r.statusCode() != expected) {
      fail(org, what, "status " + r.statusCode() + " (expected " + expected + "): "
          + r.body().substring(0, Math.min(200, r.body().length())));
    }
    s.scan().leaks(org, r.body()).forEach(leak -> fail(org, what, leak));
    return r;
  }

  private int other(int org) {
    int victim = 1 + random.nextInt(s.keys().size() - 1);
    return victim >= org ? victim + 1 : victim;
  }

  private String key(int org) {
    return s.keys().get(org);
  }

  private void fail(int org, String what, String problem) {
    s.failures().add("org" + org + " " + what + ": " + problem);
  }

  /** Sends an upload built by {@link Multipart} with the given key (used to set up the matrix). */
  static HttpResponse<String> upload(TestServer http, String key, String filename, byte[] pdf) {
    HttpRequest request = Multipart.upload(http, key, filename, pdf, false);
    return http.send(request);
  }
}
