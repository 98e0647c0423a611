package dev.egretta.spring;

import dev.egretta.api.StreamEvent;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.Cancellable;
import dev.egretta.core.Engine;
import dev.egretta.core.Organisation;
import dev.egretta.server.EgretExchange;
import dev.egretta.server.LocalDownloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One streamed answer written as the server writes it ({@link EgretExchange#sse}), on the request's
 * own thread, so that no async timeout of the servlet container cuts a long answer: engine events
 * go through a queue to the response; while none comes a heartbeat comment is written, which is
 * also how a vanished client is noticed and its generation cancelled.
 */
final class SseRelay {
  private static final System.Logger LOG = System.getLogger(SseRelay.class.getName());

  private final Engine engine;
  private final EgretExchange exchange;
  private final Duration heartbeat;

  SseRelay(Engine engine, EgretExchange exchange, Duration heartbeat) {
    this.engine = engine;
    this.exchange = exchange;
    this.heartbeat = heartbeat;
  }

  void relay(ValidatedQuery query, Organisation organisation, LocalDownloads.Viewer viewer, HttpServletResponse res) {
    BlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
    // What is refused up front (unknown session, model...) throws here, before anything is committed: a JSON error.
    Cancellable generation = engine.stream(query, organisation, events::add);
    boolean finished = false;
    try {
      finished = exchange.relay(events, EgretExchange.startStream(res), heartbeat, Optional.of(viewer));
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "stream client went away; cancelling generation: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the application is stopping
    } finally {
      if (!finished) {
        generation.cancel();
      }
    }
  }
}
