package dev.egretta.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.StreamEvent;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.generation.ExtractiveAnswerGenerator;
import dev.egretta.core.generation.ModelAssist;
import dev.egretta.core.pipeline.ModelFollowUps;
import dev.egretta.core.spi.AnswerGenerator;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.egretta.core.spi.GenerationRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The engine with a chat model for the calls around an answer: the model decides {@code auto}, writes the
 * follow-up suggestions (only those retrieval can answer are offered) and the session title; every failure
 * falls back to what the engine does without a model.
 */
class ModelAssistEngineTest {
  private static final String QUESTION = "Who approves the contingency plan?";

  /** A LangChain4j chat model scripted by the system instruction of each call; records every call. */
  static final class ScriptedModel implements ChatModel {
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final Function<String, String> reply;

    ScriptedModel(Function<String, String> reply) {
      this.reply = reply;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      requests.add(request);
      String system = ((SystemMessage) request.messages().getFirst()).text();
      return ChatResponse.builder().aiMessage(AiMessage.from(reply.apply(system))).build();
    }

    List<String> systems() {
      return requests.stream().map(r -> ((SystemMessage) r.messages().getFirst()).text()).toList();
    }
  }

  /** The extractive generator, recording the mode of each request. */
  static final class ModeRecorder implements AnswerGenerator {
    final List<Mode> modes = new CopyOnWriteArrayList<>();
    private final AnswerGenerator inner = new ExtractiveAnswerGenerator();

    @Override
    public GeneratedAnswer generate(GenerationRequest request) {
      modes.add(request.mode());
      return inner.generate(request);
    }
  }

  private static final String FOLLOW_UPS = """
      Here you are:
      ```json
      {"title": "\\"Contingency plan approval and review at the agency, who signs and how often.\\"",
       "suggestions": ["How often must the contingency plan be reviewed?",
                       "What is the capital of France?",
                       "Who approves the contingency plan?",
                       "When is contingency training provided to personnel with contingency roles?",
                       "not a question"]}
      ```""";

  private static Engine engine(ChatModel model, ModeRecorder generator, Duration timeout) {
    return EgrettaEngine.builder().retriever(FixedRetriever.library())
        .modelCatalog(ExtractiveAnswerGenerator.CATALOG).generator(generator)
        .modelAssist(ModelAssist.of(model, timeout)).build();
  }

  private static ValidatedQuery ask(String q, Mode mode) {
    return ValidatedQuery.of(q, "business-continuity", "us", mode);
  }

  @Test
  void theModelWritesAnswerableSuggestionsAndAShortTitle() {
    ScriptedModel model = new ScriptedModel(system -> system.contains("JSON") ? FOLLOW_UPS : "compliance");
    try (Engine engine = engine(model, new ModeRecorder(), Duration.ofSeconds(5))) {
      QueryResponse r = engine.query(ask(QUESTION, Mode.COMPLIANCE), Organisation.LOCAL);
      // the off-topic question finds nothing, the repeat of the question and the non-question are dropped
      assertThat(r.suggestions()).containsExactly("How often must the contingency plan be reviewed?",
          "When is contingency training provided to personnel with contingency roles?");
      var session = engine.recentSessions(Organisation.LOCAL, 1).getFirst();
      assertThat(session.title()).isEqualTo("Contingency plan approval and review at the agency, who");
      assertThat(session.title().length()).isLessThanOrEqualTo(ModelFollowUps.MAX_TITLE_CHARS);
      String user = model.requests.getFirst().messages().get(1).toString();
      assertThat(user).contains(QUESTION).contains("Chief Information Officer").contains("<documents>");

      engine.query(ask("And how often is it reviewed?", Mode.COMPLIANCE).withSessionId(UUID.fromString(r.sessionId())),
          Organisation.LOCAL);
      assertThat(model.systems().getLast()).contains("null (not needed)");
      assertThat(engine.recentSessions(Organisation.LOCAL, 1).getFirst().title()).isEqualTo(session.title());
    }
  }

  @Test
  void autoIsDecidedByTheModelAndByKeywordsWhenTheModelFailsOrIsLate() {
    String guidance = "Does the contingency plan need approval?"; // the keyword router says compliance
    ModeRecorder modes = new ModeRecorder();
    try (Engine engine = engine(new ScriptedModel(s -> s.contains("JSON") ? "{}" : "Advisory."), modes,
        Duration.ofSeconds(5))) {
      engine.query(ask(guidance, Mode.AUTO), Organisation.LOCAL);
      engine.query(ask(guidance, Mode.COMPLIANCE), Organisation.LOCAL); // an explicit mode is not asked about
    }
    assertThat(modes.modes).containsExactly(Mode.ADVISORY, Mode.COMPLIANCE);

    ModeRecorder failing = new ModeRecorder();
    ScriptedModel broken = new ScriptedModel(s -> {
      throw new IllegalStateException("model unavailable");
    });
    try (Engine engine = engine(broken, failing, Duration.ofSeconds(5))) {
      QueryResponse r = engine.query(ask(QUESTION, Mode.AUTO), Organisation.LOCAL);
      assertThat(failing.modes).containsExactly(Mode.COMPLIANCE);
      // the template suggestions and the question as title, exactly as without a model
      try (Engine plain = EgrettaEngine.builder().retriever(FixedRetriever.library()).build()) {
        assertThat(r.suggestions()).isNotEmpty()
            .isEqualTo(plain.query(ask(QUESTION, Mode.AUTO), Organisation.LOCAL).suggestions());
      }
      assertThat(engine.recentSessions(Organisation.LOCAL, 1).getFirst().title()).isEqualTo(QUESTION);
    }

    ModeRecorder late = new ModeRecorder();
    ScriptedModel hanging = new ScriptedModel(s -> {
      try {
        Thread.sleep(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "advisory";
    });
    try (Engine engine = engine(hanging, late, Duration.ofMillis(300))) {
      long t0 = System.nanoTime();
      QueryResponse r = engine.query(ask("How should we improve our contingency training?", Mode.AUTO), Organisation.LOCAL);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
      assertThat(late.modes).containsExactly(Mode.ADVISORY); // the keyword router's choice
      assertThat(r.response()).isNotBlank();
    }
  }

  @Test
  void aStreamedAnswerCarriesTheModelsSuggestionsInDone() throws Exception {
    ScriptedModel model = new ScriptedModel(system -> system.contains("JSON") ? FOLLOW_UPS : "compliance");
    try (Engine engine = engine(model, new ModeRecorder(), Duration.ofSeconds(5))) {
      LinkedBlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
      engine.stream(ask(QUESTION, Mode.COMPLIANCE), Organisation.LOCAL, events::add);
      StreamEvent last;
      do {
        last = events.poll(20, TimeUnit.SECONDS);
      } while (last != null && !(last instanceof StreamEvent.Done) && !(last instanceof StreamEvent.Error));
      assertThat(last).isInstanceOf(StreamEvent.Done.class);
      assertThat(((StreamEvent.Done) last).response().suggestions())
          .contains("How often must the contingency plan be reviewed?");
    }
  }
}
