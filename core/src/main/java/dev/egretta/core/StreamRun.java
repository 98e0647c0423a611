package dev.egretta.core;

import dev.egretta.api.ErrorBody;
import dev.egretta.api.StreamEvent;
import dev.egretta.core.metrics.QueryObservation;
import dev.egretta.core.spi.AnswerGenerator;
import dev.egretta.core.spi.AnswerStreamHandler;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.egretta.core.spi.StreamingAnswerGenerator;
import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One streamed query: sources, then repaired deltas, then exactly one done or error event; nothing
 * after cancellation. Events reach the listener one at a time.
 */
final class StreamRun implements Cancellable {

  private static final System.Logger LOG = System.getLogger(StreamRun.class.getName());

  private final QueryPipeline pipeline;
  private final QueryPipeline.Checked checked;
  private final StreamListener listener;
  private final QueryObservation observation;
  private volatile boolean cancelled;
  private volatile Cancellable generation;
  private volatile Future<?> task;
  private volatile ExecutorService executor;
  private boolean ended;

  /** @param checked the query after its up-front checks, run by the caller before any event */
  StreamRun(QueryPipeline pipeline, QueryPipeline.Checked checked, StreamListener listener) {
    this.pipeline = pipeline;
    this.checked = checked;
    this.listener = listener;
    this.observation = pipeline.metrics().startQuery();
  }

  void submit(ExecutorService executor) {
    this.executor = executor;
    try {
      task = executor.submit(this::run);
    } catch (RejectedExecutionException e) {
      end(new StreamEvent.Error(ErrorBody.of("the engine is shutting down")));
    }
  }

  @Override
  public void cancel() {
    cancelled = true;
    observation.cancelled();
    Cancellable g = generation;
    if (g != null) {
      g.cancel();
    }
    Future<?> t = task;
    if (t != null) {
      t.cancel(true);
    }
  }

  private void run() {
    try (io.micrometer.observation.Observation.Scope scope = observation.openScope()) {
      Prepared p = pipeline.prepare(checked);
      if (!emit(new StreamEvent.Sources(p.sources()))) {
        return;
      }
      AnswerCompletion completion = new AnswerCompletion(pipeline, p);
      if (p.insufficient()) {
        if (emit(new StreamEvent.Delta(p.notCovered()))) {
          end(new StreamEvent.Done(completion.notCovered()));
        }
        return;
      }
      long g0 = System.nanoTime();
      observation.startGeneration(p.model().modelId());
      Cancellable c = streaming(pipeline.generator(p.model())).stream(p.generation(), new AnswerStreamHandler() {
        @Override
        public void onDelta(String fragment) {
          String safe = completion.accept(fragment);
          if (!safe.isEmpty() && !cancelled) {
            emit(new StreamEvent.Delta(safe));
          }
        }

        @Override
        public void onComplete(GeneratedAnswer answer) {
          long generationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - g0);
          if (Thread.currentThread().isVirtual()) {
            complete(answer, generationMs);
            return;
          }
          // Suggestions and persistence block: keep them off the model client's I/O thread.
          try {
            executor.execute(() -> complete(answer, generationMs));
          } catch (RejectedExecutionException e) {
            end(new StreamEvent.Error(ErrorBody.of("the engine is shutting down")));
          }
        }

        private void complete(GeneratedAnswer answer, long generationMs) {
          String rest = completion.flush();
          if (!rest.isEmpty() && !emit(new StreamEvent.Delta(rest))) {
            return;
          }
          if (cancelled) {
            return;
          }
          try {
            end(new StreamEvent.Done(completion.complete(answer.usage(), generationMs)));
          } catch (EgrettaException e) {
            fail(e);
          } catch (RuntimeException e) {
            internal(e);
          }
        }

        @Override
        public void onError(EgrettaException error) {
          fail(error);
        }
      });
      generation = c;
      if (cancelled) {
        c.cancel();
      }
    } catch (EgrettaException e) {
      fail(e);
    } catch (RuntimeException e) {
      internal(e);
    }
  }

  private static StreamingAnswerGenerator streaming(AnswerGenerator g) {
    if (g instanceof StreamingAnswerGenerator s) {
      return s;
    }
    return (request, handler) -> {
      try {
        GeneratedAnswer a = g.generate(request);
        handler.onDelta(a.markdown());
        handler.onComplete(a);
      } catch (EgrettaException e) {
        handler.onError(e);
      }
      return () -> {};
    };
  }

  private void fail(EgrettaException e) {
    ErrorBody body = e instanceof InvalidRequestException ie ? ie.body() : ErrorBody.of(e.getMessage());
    end(new StreamEvent.Error(body));
  }

  private void internal(RuntimeException e) {
    LOG.log(Level.ERROR, "a streamed query failed unexpectedly", e);
    end(new StreamEvent.Error(ErrorBody.of("internal error: " + e.getClass().getSimpleName())));
  }

  /** Delivers a non-final event; false when the stream is over or cancelled. */
  private synchronized boolean emit(StreamEvent event) {
    if (ended || cancelled) {
      return false;
    }
    return deliver(event);
  }

  private synchronized void end(StreamEvent event) {
    if (ended || cancelled) {
      return;
    }
    ended = true;
    if (event instanceof StreamEvent.Done done) {
      observation.finished(done.response());
    } else {
      observation.failed(null);
    }
    deliver(event);
  }

  private boolean deliver(StreamEvent event) {
    try {
      listener.onEvent(event);
      return true;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a stream listener threw; cancelling the stream: " + e);
      ended = true;
      cancel();
      return false;
    }
  }
}
