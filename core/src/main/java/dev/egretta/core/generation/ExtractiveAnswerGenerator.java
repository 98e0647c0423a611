package dev.egretta.core.generation;

import dev.egretta.core.internal.Tokens;
import dev.egretta.api.Mode;
import dev.egretta.core.Cancellable;
import dev.egretta.core.EgrettaException;
import dev.egretta.core.pipeline.EvidenceSelector;
import dev.egretta.core.spi.AnswerGenerator;
import dev.egretta.core.spi.AnswerStreamHandler;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.egretta.core.spi.GenerationRequest;
import dev.egretta.core.spi.ModelCatalog;
import dev.egretta.core.spi.ModelEntry;
import dev.egretta.core.spi.NumberedPassage;
import dev.egretta.core.spi.StreamingAnswerGenerator;
import dev.egretta.core.spi.TokenUsage;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default generator: no model, no network. It answers by quoting the sentences of the
 * retrieved passages that best evidence the question ({@link EvidenceSelector}, through
 * {@link SentencePicker}), the best evidence first, each followed by its {@code [Source N]}, under
 * a short heading made from the question. Sentences that do not evidence the question are left out. Nothing is invented: apart from
 * one fixed framing line, every sentence of the answer is a sentence of a passage.
 *
 * <p>Compliance mode quotes up to {@value #COMPLIANCE_SENTENCES} sentences verbatim; advisory mode
 * lists up to {@value #ADVISORY_SENTENCES} as points to act on and closes with a pointer to the cited
 * pages. Token usage is counted with the configured counter (input: question and passages; output:
 * the answer). Immutable and thread-safe.
 */
public final class ExtractiveAnswerGenerator implements AnswerGenerator, StreamingAnswerGenerator {

  /** The catalog entry of the extractive generator: free, streaming, default. */
  public static final ModelEntry MODEL = new ModelEntry("egretta-extractive", "Egretta extractive (no model)",
      "local", 0.0, true, true, 0.0, 0.0);

  /** {@link #MODEL} as a non-default choice, for catalogs whose default is a real model. */
  public static final ModelEntry MODEL_NOT_DEFAULT = new ModelEntry(MODEL.modelId(), MODEL.name(), MODEL.tier(),
      MODEL.creditCost(), MODEL.supportsStreaming(), false, 0.0, 0.0);

  /** A catalog holding only {@link #MODEL}. */
  public static final ModelCatalog CATALOG = ModelCatalog.of(List.of(MODEL));

  static final int COMPLIANCE_SENTENCES = 5;
  static final int ADVISORY_SENTENCES = 4;

  /** The words that open a follow-up ("And for online banking?"), which a heading does without. */
  private static final Pattern CONTINUATION = Pattern.compile("^(?i)(?:and|also|but|so|then|plus)\\s+(?=\\S)");
  private static final Pattern DEFINITION_QUESTION = Pattern.compile(
      "^(?i)(?:and |also |so )?(?:what (?:is|are|was|were)|explain|describe|define|summari[sz]e|tell me about)\\s+"
          + "(?:(?:the|a|an)\\s+)?");

  private final ToIntFunction<String> tokenCounter;
  private final EvidenceSelector selector;

  /** A generator that estimates tokens with {@link Tokens#ESTIMATE} and ranks evidence lexically. */
  public ExtractiveAnswerGenerator() {
    this(Tokens.ESTIMATE);
  }

  /** A generator that counts tokens with the given tokenizer (e.g. the embedding model's) and ranks evidence lexically. */
  public ExtractiveAnswerGenerator(ToIntFunction<String> tokenCounter) {
    this(tokenCounter, EvidenceSelector.lexical());
  }

  /**
   * A generator that counts tokens with {@code tokenCounter} and ranks evidence with
   * {@code selector} (the engine passes its context judge's, so vectors embedded there are re-used).
   */
  public ExtractiveAnswerGenerator(ToIntFunction<String> tokenCounter, EvidenceSelector selector) {
    this.tokenCounter = Objects.requireNonNull(tokenCounter, "tokenCounter");
    this.selector = Objects.requireNonNull(selector, "selector");
  }

  @Override
  public GeneratedAnswer generate(GenerationRequest request) {
    String answer = write(request);
    StringBuilder input = new StringBuilder(request.standaloneQuestion());
    for (NumberedPassage p : request.passages()) {
      input.append('\n').append(p.passage().text());
    }
    return new GeneratedAnswer(answer, new TokenUsage(tokenCounter.applyAsInt(input.toString()),
        tokenCounter.applyAsInt(answer)));
  }

  @Override
  public Cancellable stream(GenerationRequest request, AnswerStreamHandler handler) {
    AtomicBoolean cancelled = new AtomicBoolean();
    try {
      GeneratedAnswer answer = generate(request);
      Matcher lines = Pattern.compile("[^\\n]*\\n|[^\\n]+$").matcher(answer.markdown());
      while (lines.find() && !cancelled.get()) {
        handler.onDelta(lines.group());
      }
      if (!cancelled.get()) {
        handler.onComplete(answer);
      }
    } catch (EgrettaException e) {
      handler.onError(e);
    }
    return () -> cancelled.set(true);
  }

  private String write(GenerationRequest request) {
    boolean advisory = request.mode() == Mode.ADVISORY;
    List<SentencePicker.Pick> picks = SentencePicker.pick(selector, request.standaloneQuestion(), request.question(),
        request.passages(), advisory ? ADVISORY_SENTENCES : COMPLIANCE_SENTENCES);
    StringBuilder b = new StringBuilder("# ").append(heading(request.question())).append("\n\n");
    if (picks.isEmpty()) {
      return b.append("The retrieved passages do not state an answer to this question.\n").toString();
    }
    if (advisory) {
      b.append("Points to act on, taken from the documents:\n\n");
      for (SentencePicker.Pick p : picks) {
        b.append("- ").append(p.sentence()).append(" [Source ").append(p.source()).append("]\n");
      }
      b.append("\nRead the cited pages for the full context before applying them.\n");
    } else {
      b.append("The documents state:\n\n");
      for (SentencePicker.Pick p : picks) {
        b.append("- \"").append(p.sentence()).append("\" [Source ").append(p.source()).append("]\n");
      }
    }
    return b.toString();
  }

  /**
   * A short heading from the question: a definition question becomes its subject ("What is due
   * diligence?" → "Due diligence"); a follow-up loses its opening "and", "also"... ("And for online
   * banking?" → "For online banking"); any other question is kept as asked, without the question
   * mark; at most 12 words.
   */
  static String heading(String question) {
    String q = question.strip().replaceAll("\\s+", " ").replaceAll("[#*`\\[\\]]", "");
    q = DEFINITION_QUESTION.matcher(q).replaceFirst("");
    q = CONTINUATION.matcher(q).replaceFirst("");
    q = q.replaceAll("[?.!\\s]+$", "");
    String[] words = q.split(" ");
    if (words.length > 12) {
      q = String.join(" ", java.util.Arrays.copyOf(words, 12)) + " ...";
    }
    if (q.isBlank()) {
      return "Answer";
    }
    return Character.toUpperCase(q.charAt(0)) + q.substring(1);
  }
}
