package dev.egretta.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.Mode;
import dev.egretta.api.StreamEvent;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.generation.ChatModelAnswerGenerator;
import dev.egretta.core.spi.ModelCatalog;
import dev.egretta.core.spi.ModelEntry;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EngineStreamingTest {

  private static final ModelEntry MODEL = new ModelEntry("test-model", "Test", "standard", 1, true, true, 0.001, 0.004);

  private static ValidatedQuery ask(String q) {
    return ValidatedQuery.of(q, "business-continuity", "us", Mode.COMPLIANCE);
  }

  /** Collects events and signals the final one. */
  static final class Collector implements StreamListener {
    final List<StreamEvent> events = new CopyOnWriteArrayList<>();
    final CountDownLatch end = new CountDownLatch(1);

    @Override
    public void onEvent(StreamEvent e) {
      events.add(e);
      if (e instanceof StreamEvent.Done || e instanceof StreamEvent.Error) {
        end.countDown();
      }
    }

    List<StreamEvent> await() throws InterruptedException {
      assertThat(end.await(10, TimeUnit.SECONDS)).as("stream ended").isTrue();
      return events;
    }

    String deltas() {
      return events.stream().filter(StreamEvent.Delta.class::isInstance).map(e -> ((StreamEvent.Delta) e).text())
          .collect(Collectors.joining());
    }
  }

  @Test
  void extractiveStreamSendsSourcesThenDeltasThenTheSameResponse() throws Exception {
    try (Engine engine = EgrettaEngine.builder().retriever(FixedRetriever.library()).build()) {
      Collector c = new Collector();
      engine.stream(ask("Who approves the contingency plan?"), Organisation.LOCAL, c);
      List<StreamEvent> events = c.await();

      assertThat(events.getFirst()).isInstanceOf(StreamEvent.Sources.class);
      assertThat(events.getLast()).isInstanceOf(StreamEvent.Done.class);
      assertThat(events.subList(1, events.size() - 1)).isNotEmpty().allMatch(StreamEvent.Delta.class::isInstance);
      var done = ((StreamEvent.Done) events.getLast()).response();
      assertThat(done.response()).isEqualTo(c.deltas());
      assertThat(done.sources()).isEqualTo(((StreamEvent.Sources) events.getFirst()).sources());
      assertThat(engine.messages(Organisation.LOCAL, java.util.UUID.fromString(done.sessionId()))).hasSize(2);
    }
  }

  @Test
  void streamedCitationsAreRepairedAcrossDeltas() throws Exception {
    StreamingChatModel model = new StreamingChatModel() {
      @Override
      public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        for (String part : List.of("# Approval\n\nThe plan is approved by the Chief Information Officer [Sou", "rce 1]; nobody else [Source ", "42].")) {
          handler.onPartialResponse(part);
        }
        handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("ignored"))
            .tokenUsage(new TokenUsage(1000, 100)).build());
      }
    };
    try (Engine engine = EgrettaEngine.builder().retriever(FixedRetriever.library())
        .modelCatalog(ModelCatalog.of(List.of(MODEL))).generator(ChatModelAnswerGenerator.of(model)).build()) {
      Collector c = new Collector();
      engine.stream(ask("Who approves the contingency plan?"), Organisation.LOCAL, c);
      List<StreamEvent> events = c.await();
      var done = ((StreamEvent.Done) events.getLast()).response();
      assertThat(done.response()).isEqualTo("# Approval\n\nThe plan is approved by the Chief Information Officer [Source 1]; nobody else.")
          .isEqualTo(c.deltas());
      assertThat(done.usage().inputTokens()).isEqualTo(1000);
      assertThat(done.usage().costUsd()).isEqualTo(0.0014);
      assertThat(done.usage().model()).isEqualTo("test-model");
    }
  }

  @Test
  void cancellingStopsTheModelAndPersistsNothing() throws Exception {
    AtomicBoolean modelCancelled = new AtomicBoolean();
    CountDownLatch firstDelta = new CountDownLatch(1);
    StreamingChatModel endless = new StreamingChatModel() {
      @Override
      public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        StreamingHandle handle = new StreamingHandle() {
          @Override
          public void cancel() {
            modelCancelled.set(true);
          }

          @Override
          public boolean isCancelled() {
            return modelCancelled.get();
          }
        };
        Thread.ofVirtual().start(() -> {
          while (!modelCancelled.get()) {
            handler.onPartialResponse(new PartialResponse("word "), new PartialResponseContext(handle));
            try {
              Thread.sleep(10);
            } catch (InterruptedException e) {
              return;
            }
          }
        });
      }
    };
    try (Engine engine = EgrettaEngine.builder().retriever(FixedRetriever.library())
        .modelCatalog(ModelCatalog.of(List.of(MODEL))).generator(ChatModelAnswerGenerator.of(endless)).build()) {
      List<StreamEvent> events = new CopyOnWriteArrayList<>();
      Cancellable run = engine.stream(ask("Who approves the contingency plan?"), Organisation.LOCAL, e -> {
        events.add(e);
        if (e instanceof StreamEvent.Delta) {
          firstDelta.countDown();
        }
      });
      assertThat(firstDelta.await(10, TimeUnit.SECONDS)).isTrue();
      run.cancel();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!modelCancelled.get() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(modelCancelled).isTrue();
      int seen = events.size();
      Thread.sleep(100);
      assertThat(events).hasSize(seen).noneMatch(e -> e instanceof StreamEvent.Done || e instanceof StreamEvent.Error);
      assertThat(engine.recentSessions(Organisation.LOCAL, 10)).isEmpty();
    }
  }

  @Test
  void invalidQueryIsThrownByStreamNamingTheFieldBeforeAnyEvent() throws Exception {
    try (Engine engine = EgrettaEngine.builder().retriever(FixedRetriever.library()).build()) {
      Collector c = new Collector();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.stream(
          ValidatedQuery.of("q?", "nowhere", "us", Mode.COMPLIANCE), Organisation.LOCAL, c))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.body().detail()).contains("unknown domain 'nowhere'");
            assertThat(e.body().errors()).extracting(f -> f.field()).containsExactly("domain");
          });
      assertThat(c.events).isEmpty();
    }
  }

  @Test
  void publisherDeliversTheEventsOnDemandThenCompletes() throws Exception {
    try (Engine engine = EgrettaEngine.builder().retriever(FixedRetriever.library()).build()) {
      List<StreamEvent> got = new CopyOnWriteArrayList<>();
      CountDownLatch complete = new CountDownLatch(1);
      engine.publish(ask("When is contingency training provided?"), Organisation.LOCAL).subscribe(new Flow.Subscriber<>() {
        Flow.Subscription s;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
          s = subscription;
          s.request(1);
        }

        @Override
        public void onNext(StreamEvent item) {
          got.add(item);
          s.request(1);
        }

        @Override
        public void onError(Throwable throwable) {}

        @Override
        public void onComplete() {
          complete.countDown();
        }
      });
      assertThat(complete.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(got.getFirst()).isInstanceOf(StreamEvent.Sources.class);
      assertThat(got.getLast()).isInstanceOf(StreamEvent.Done.class);
    }
  }

  // Everything decidable before the first event is decided before stream(...) returns, so that a
  // server can answer it with its ordinary status instead of starting a stream that only says "error".
  @Test
  void problemsDecidableBeforeTheFirstEventAreThrownByStreamItself() throws Exception {
    try (Engine engine = EgrettaEngine.builder().retriever(FixedRetriever.library()).build()) {
      Collector own = new Collector();
      engine.stream(ask("Who approves the contingency plan?"), Organisation.LOCAL, own);
      java.util.UUID session = java.util.UUID.fromString(
          ((StreamEvent.Done) own.await().getLast()).response().sessionId());
      Collector c = new Collector();

      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.stream(
          ask("q").withSessionId(java.util.UUID.randomUUID()), Organisation.LOCAL, c))
          .isInstanceOf(NotFoundException.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.stream(
          ask("q").withSessionId(session), Organisation.of("other"), c))
          .isInstanceOf(NotFoundException.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.stream(
          ValidatedQuery.of("q", "information-security", "us", Mode.COMPLIANCE).withSessionId(session),
          Organisation.LOCAL, c))
          .isInstanceOf(InvalidRequestException.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.stream(
          ask("q").withKnowledgeScope(dev.egretta.api.KnowledgeScope.PRIVATE), Organisation.of("other"), c))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("knowledge_scope");
      Thread.sleep(200);
      assertThat(c.events).as("no event for a refused stream").isEmpty();
    }
  }
}
