package dev.egretta.core.generation;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fixed sentence a model is asked to give when the numbered passages do not contain the answer
 * ({@link #SENTENCE}, required by {@link GroundedPrompt}), and its detection in a model's answer.
 *
 * <p>Detection is deliberately narrow, so that a partial answer that names what the passages leave
 * out ("the passages do not specify the retention period") is not mistaken for it, yet tolerant of
 * the small changes models make: markdown around it, a heading before it, "provided" or "numbered"
 * passages, "don't", "documents" or "sources" for passages, "an answer" for "the answer", and the
 * extractive generator's own "do not state an answer".
 */
public final class NotCoveredStatement {

  /** The sentence the prompt asks for, word for word. */
  public static final String SENTENCE = "The passages do not contain the answer to this question.";

  private static final Pattern STATEMENT = Pattern.compile(
      "\\b(?:provided |numbered |given |retrieved |source |these |above )*(?:passages?|documents?|sources?|context)"
          + " (?:do|does|did) ?(?:not|n't) (?:contain|state|include|provide|give) (?:an|the|any) answer\\b");

  private NotCoveredStatement() {}

  /** Whether an answer states that the passages do not contain the answer. */
  public static boolean in(String answer) {
    String t = answer.toLowerCase(Locale.ROOT)
        .replace('’', '\'')
        .replaceAll("[*_`#>\"]", " ")
        .replaceAll("\\s+", " ");
    return STATEMENT.matcher(t).find();
  }
}
