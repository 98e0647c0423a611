package dev.egretta.server;

import dev.egretta.core.Cancellable;
import dev.egretta.core.generation.ExtractiveAnswerGenerator;
import dev.egretta.core.spi.AnswerGenerator;
import dev.egretta.core.spi.AnswerStreamHandler;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.egretta.core.spi.GenerationRequest;
import dev.egretta.core.spi.StreamingAnswerGenerator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real extractive generator, streamed a few characters at a time with an adjustable pause, and
 * counting running and cancelled generations, so a test can see that a disconnect stops generation.
 */
final class SlowGenerator implements AnswerGenerator, StreamingAnswerGenerator {
  private final ExtractiveAnswerGenerator extractive = new ExtractiveAnswerGenerator();
  final AtomicInteger running = new AtomicInteger();
  final AtomicInteger cancelled = new AtomicInteger();
  volatile long pauseMillis;

  @Override
  public GeneratedAnswer generate(GenerationRequest request) {
    return extractive.generate(request);
  }

  @Override
  public Cancellable stream(GenerationRequest request, AnswerStreamHandler handler) {
    AtomicBoolean stop = new AtomicBoolean();
    running.incrementAndGet();
    Thread.ofVirtual().name("slow-generator").start(() -> {
      try {
        GeneratedAnswer answer = extractive.generate(request);
        String text = answer.markdown();
        for (int i = 0; i < text.length(); i += 16) {
          if (stop.get()) {
            return;
          }
          if (pauseMillis > 0) {
            Thread.sleep(pauseMillis);
          }
          handler.onDelta(text.substring(i, Math.min(text.length(), i + 16)));
        }
        if (!stop.get()) {
          handler.onComplete(answer);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        running.decrementAndGet();
      }
    });
    return () -> {
      if (stop.compareAndSet(false, true)) {
        cancelled.incrementAndGet();
      }
    };
  }
}
