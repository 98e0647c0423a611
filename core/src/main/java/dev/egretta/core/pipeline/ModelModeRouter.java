package dev.egretta.core.pipeline;

import dev.egretta.api.Mode;
import dev.egretta.core.generation.ModelAssist;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code mode: auto} decided by a model: one short call classifies the question as compliance (what a
 * text says, requires or defines) or advisory (guidance on what to do). Any failure (an error, a timeout,
 * a reply that names neither or both) falls back to another router, by default {@link KeywordModeRouter}.
 */
public final class ModelModeRouter implements ModeRouter {
  static final String SYSTEM = """
      You route questions for a compliance assistant that answers from regulatory and policy documents.
      Reply "compliance" when the question asks what a regulation, standard, policy or document says, requires, \
      defines, permits or sets as a deadline or threshold.
      Reply "advisory" when it asks for guidance: how to approach, implement, improve or prioritise something, \
      or what would be good practice.
      Reply with exactly one word: compliance or advisory.""";

  private final ModelAssist model;
  private final ModeRouter fallback;

  public ModelModeRouter(ModelAssist model, ModeRouter fallback) {
    this.model = Objects.requireNonNull(model, "model");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  @Override
  public Mode route(String question) {
    return model.ask("mode routing", SYSTEM, "Question: " + question).flatMap(ModelModeRouter::parse)
        .orElseGet(() -> fallback.route(question));
  }

  /** The mode a reply names, if it names exactly one. */
  static Optional<Mode> parse(String reply) {
    String r = reply.toLowerCase(Locale.ROOT);
    boolean compliance = r.contains("compliance");
    boolean advisory = r.contains("advisory");
    return compliance == advisory ? Optional.empty() : Optional.of(compliance ? Mode.COMPLIANCE : Mode.ADVISORY);
  }
}
