package dev.egretta.core.pipeline;

import dev.egretta.core.internal.Terms;
import dev.egretta.api.Sender;
import dev.egretta.core.spi.ChatTurn;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The default {@link QueryRewriter}; no model needed. A question is a follow-up when the session
 * has an earlier question and this one starts like a continuation ("and", "also", "what about",
 * "then", ...), refers back with a pronoun ("it", "they", "this", "those", ...), or has at most
 * {@value #SHORT_QUESTION_WORDS} content words. A follow-up becomes {@code <question> (context:
 * <topic question>)}, where the topic question is the latest earlier user question that was not
 * itself a follow-up, so chains of follow-ups keep the original subject.
 */
public final class FollowUpRewriter implements QueryRewriter {

  /** A question with at most this many content words is treated as a follow-up. */
  public static final int SHORT_QUESTION_WORDS = 2;

  private static final Pattern CONTINUATION = Pattern.compile(
      "^(and|also|plus|but|so|then|what about|how about|and what|what else|same for|in that case|if so)\\b.*",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Set<String> BACK_REFERENCES = Set.of(
      "it", "its", "they", "them", "their", "this", "these", "those", "he", "she", "him", "her", "former",
      "latter");

  @Override
  public String standalone(String question, List<ChatTurn> history) {
    List<String> earlier = history.stream().filter(t -> t.sender() == Sender.USER).map(ChatTurn::content).toList();
    if (earlier.isEmpty() || !isFollowUp(question)) {
      return question;
    }
    String topic = earlier.getFirst();
    for (int i = earlier.size() - 1; i >= 0; i--) {
      if (!isFollowUp(earlier.get(i))) {
        topic = earlier.get(i);
        break;
      }
    }
    return question.strip() + " (context: " + topic.strip() + ")";
  }

  /** Whether a question reads as a continuation of an earlier one. */
  public static boolean isFollowUp(String question) {
    String q = question.strip();
    if (CONTINUATION.matcher(q).matches()) {
      return true;
    }
    List<String> words = Terms.words(q.toLowerCase(Locale.ROOT));
    if (words.stream().anyMatch(BACK_REFERENCES::contains)) {
      return true;
    }
    return words.stream().filter(Terms::isContent).count() <= SHORT_QUESTION_WORDS;
  }
}
