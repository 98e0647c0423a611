package dev.egretta.server;

import dev.egretta.api.ErrorBody;
import dev.egretta.api.StreamEvent;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.Cancellable;
import dev.egretta.core.Engine;
import dev.egretta.core.Organisation;
import io.javalin.http.Context;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Relays one streamed answer as Server-Sent Events on the request's own (virtual) thread: events
 * from the engine go through a queue to the socket; while no event comes, a heartbeat comment is
 * written, which is also how a vanished client is noticed. When writing fails (the client went
 * away) or the server must stop, generation is cancelled.
 */
final class SseStreamer {
  private static final System.Logger LOG = System.getLogger(SseStreamer.class.getName());
  /** Put in the queue to end the relay when the server aborts the stream. */
  private static final StreamEvent ABORTED =
      new StreamEvent.Error(ErrorBody.of("The server is shutting down; the answer was cancelled."));

  private final Engine engine;
  private final StreamSlots slots;
  private final InFlight inFlight;
  private final Duration heartbeat;
  private final PublicUris uris;
  private final EgretExchange exchange;

  SseStreamer(Engine engine, StreamSlots slots, InFlight inFlight, Duration heartbeat, PublicUris uris) {
    this.engine = engine;
    this.slots = slots;
    this.inFlight = inFlight;
    this.heartbeat = heartbeat;
    this.uris = uris;
    this.exchange = new EgretExchange(uris);
  }

  void stream(Context ctx, Caller caller, ValidatedQuery query) throws Exception {
    AutoCloseable slot = slots.tryAcquire(caller.organisation().id()).orElseThrow(() -> new HttpProblem(429,
        "Too many concurrent streams for this organisation (at most " + slots.perKey()
            + "); retry when one has finished.", Duration.ofSeconds(1)));
    try {
      relay(ctx, caller.organisation(), query);
    } finally {
      slot.close();
    }
  }

  private void relay(Context ctx, Organisation organisation, ValidatedQuery query) throws InterruptedException {
    BlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
    Optional<LocalDownloads.Viewer> viewer = uris.viewer(ctx);
    // Errors thrown here (unknown session, bad model) are answered as plain JSON errors: nothing is committed yet.
    Cancellable generation = engine.stream(query, organisation, events::add);
    Runnable abort = () -> {
      generation.cancel();
      events.add(ABORTED);
    };
    inFlight.addStream(abort);
    boolean finished = false;
    try {
      finished = exchange.relay(events, EgretExchange.startStream(ctx.res()), heartbeat, viewer);
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "stream client went away; cancelling generation: " + e);
    } finally {
      inFlight.removeStream(abort);
      if (!finished) {
        generation.cancel();
      }
    }
  }
}
