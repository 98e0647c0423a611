package dev.egretta.e2e;

import dev.egretta.core.Cancellable;
import dev.egretta.core.generation.ExtractiveAnswerGenerator;
import dev.egretta.core.spi.AnswerGenerator;
import dev.egretta.core.spi.AnswerStreamHandler;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.egretta.core.spi.GenerationRequest;
import dev.egretta.core.spi.StreamingAnswerGenerator;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The real extractive generator, streamed in small pieces at a model's pace, so that the browser
 * receives many {@code delta} events and the test can watch the answer grow.
 */
final class PacedGenerator implements AnswerGenerator, StreamingAnswerGenerator {
  private static final int PIECE = 12;
  private static final long PAUSE_MILLIS = 15;
  private final ExtractiveAnswerGenerator extractive = new ExtractiveAnswerGenerator();

  @Override
  public GeneratedAnswer generate(GenerationRequest request) {
    return extractive.generate(request);
  }

  @Override
  public Cancellable stream(GenerationRequest request, AnswerStreamHandler handler) {
    AtomicBoolean stop = new AtomicBoolean();
    Thread.ofVirtual().name("paced-generator").start(() -> {
      try {
        GeneratedAnswer answer = extractive.generate(request);
        String text = answer.markdown();
        for (int i = 0; i < text.length() && !stop.get(); i += PIECE) {
          Thread.sleep(PAUSE_MILLIS);
          handler.onDelta(text.substring(i, Math.min(text.length(), i + PIECE)));
        }
        if (!stop.get()) {
          handler.onComplete(answer);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return () -> stop.set(true);
  }
}
