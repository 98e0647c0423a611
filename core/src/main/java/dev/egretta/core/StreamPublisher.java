package dev.egretta.core;

import dev.egretta.api.ErrorBody;
import dev.egretta.api.StreamEvent;
import dev.egretta.api.ValidatedQuery;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A streamed query as a {@link Flow.Publisher}: each subscription runs the query once and receives
 * its events as {@code onNext} (sources, deltas, then done or error), then {@code onComplete}.
 * Demand is honoured by buffering; cancelling the subscription cancels the query.
 */
final class StreamPublisher implements Flow.Publisher<StreamEvent> {

  private final Engine engine;
  private final ValidatedQuery query;
  private final Organisation caller;

  StreamPublisher(Engine engine, ValidatedQuery query, Organisation caller) {
    this.engine = engine;
    this.query = query;
    this.caller = caller;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super StreamEvent> subscriber) {
    new Subscription(subscriber).start();
  }

  private final class Subscription implements Flow.Subscription {
    private final Flow.Subscriber<? super StreamEvent> subscriber;
    private final Queue<StreamEvent> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile boolean finished;
    private volatile Cancellable run;
    private boolean completed;

    Subscription(Flow.Subscriber<? super StreamEvent> subscriber) {
      this.subscriber = subscriber;
    }

    void start() {
      subscriber.onSubscribe(this);
      if (cancelled.get()) {
        return;
      }
      try {
        run = engine.stream(query, caller, event -> {
          buffer.add(event);
          if (event instanceof StreamEvent.Done || event instanceof StreamEvent.Error) {
            finished = true;
          }
          drain();
        });
      } catch (EgrettaException e) {
        buffer.add(new StreamEvent.Error(e instanceof InvalidRequestException ie ? ie.body() : ErrorBody.of(e.getMessage())));
        finished = true;
        drain();
      }
      if (cancelled.get() && run != null) {
        run.cancel();
      }
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        cancel();
        subscriber.onError(new IllegalArgumentException("request(n) needs n > 0 (Reactive Streams rule 3.9); got " + n));
        return;
      }
      demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
      drain();
    }

    @Override
    public void cancel() {
      if (cancelled.compareAndSet(false, true)) {
        Cancellable r = run;
        if (r != null) {
          r.cancel();
        }
      }
    }

    private void drain() {
      if (wip.getAndIncrement() != 0) {
        return;
      }
      do {
        while (!cancelled.get() && demand.get() > 0 && !buffer.isEmpty()) {
          demand.decrementAndGet();
          subscriber.onNext(buffer.poll());
        }
        if (!cancelled.get() && finished && buffer.isEmpty() && !completed) {
          completed = true;
          subscriber.onComplete();
        }
      } while (wip.decrementAndGet() != 0);
    }
  }
}
