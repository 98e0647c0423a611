package dev.egretta.core.pipeline;

import dev.egretta.core.internal.Terms;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The noun a question asks for, read from its syntax by simple rules: the last word of the phrase
 * after its question word ("which DAST <b>tool</b> is used", "how many <b>miles</b> apart", "what is
 * the maximum tolerable <b>downtime</b> for ..."). An answer names a value of that noun, and text
 * that answers usually says the noun too ("using the CyberScope tool", "at least 100 miles"); text
 * that never says it is about something else. A counted noun ("how many tiers", "the number of
 * members") is answered by a number that counts it.
 *
 * @param stem the noun, stemmed as {@link Terms#stem} stems focus terms
 * @param counted whether the question asks how many of it there are
 */
public record AskedNoun(String stem, boolean counted) {

  private static final Pattern COUNT = Pattern.compile("\\b(?:how many|number of)\\s+");
  private static final Pattern START = Pattern.compile("\\b(?:how much|which|what(?:\\s+(?:is|are|was|were)(?:\\s+(?:the|a|an))?)?)\\s+");
  /** Words that end the asked phrase: auxiliaries, prepositions, determiners, relatives and a few adverbs. */
  private static final Set<String> STOPS = Set.of("is", "are", "was", "were", "be", "been", "do", "does", "did", "must", "should",
      "shall", "can", "could", "may", "might", "will", "would", "has", "have", "had", "need", "needs", "of", "for", "in", "on",
      "to", "at", "by", "from", "with", "within", "under", "after", "before", "during", "between", "down", "up", "per",
      "that", "which", "who", "whom", "whose", "when", "where", "if", "and", "or", "the", "a", "an", "its", "their", "this",
      "these", "those", "apart", "ago", "ahead", "away", "kind", "kinds", "type", "types", "sort");
  /** Words after which the asked phrase has not started yet ("what kind of", "which of the"). */
  private static final Set<String> SKIP_OF = Set.of("kind", "kinds", "type", "types", "sort", "sorts");
  /** A word followed by one of these is a verb ("which cloud provider hosts the ..."), not part of the phrase. */
  private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "their", "this", "these", "those", "his",
      "her", "our", "your", "my", "any", "each", "every", "all");
  private static final int MAX_PHRASE = 4;

  /** The asked noun of a question, when its syntax shows one. */
  static Optional<AskedNoun> of(String question) {
    String q = QuestionFocus.askingSentence(Terms.plainQuestion(question)).toLowerCase(Locale.ROOT).replaceAll("[?!.]+\\s*$", "");
    Matcher m = COUNT.matcher(q);
    boolean counted = m.find();
    if (!counted) {
      m = START.matcher(q);
      if (!m.find()) {
        return Optional.empty();
      }
    }
    List<String> words = Terms.words(q.substring(m.end()));
    int i = 0;
    if (words.size() > 1 && SKIP_OF.contains(words.get(0)) && words.get(1).equals("of")) {
      i = 2;
    }
    String head = null;
    for (int n = 0; i < words.size() && n < MAX_PHRASE; i++, n++) {
      String w = words.get(i);
      boolean verb = n > 0 && i + 1 < words.size() && DETERMINERS.contains(words.get(i + 1));
      if (STOPS.contains(w) || verb) {
        break;
      }
      head = w;
    }
    if (head == null || !Terms.isContent(head)) {
      return Optional.empty();
    }
    return Optional.of(new AskedNoun(Terms.stem(head), counted));
  }

  /**
   * How the asked noun is met in the offered passages.
   *
   * @param noun the question's asked noun, or null when its syntax shows none
   * @param missing whether a noun is asked and no sentence (nor heading) of the passages mentions it
   * @param countAbsent whether a counted noun is asked and no sentence holds a number that counts it
   */
  public record Met(AskedNoun noun, boolean missing, boolean countAbsent) {
    static final Met NONE = new Met(null, false, false);
  }

  /** How this noun is met in passages: {@code texts} their prepared sentences and headings, {@code sentences} the raw ones. */
  Met metIn(List<QuestionFocus.SentenceText> texts, List<String> sentences) {
    return new Met(this, texts.stream().noneMatch(this::in), counted && sentences.stream().noneMatch(this::countedIn));
  }

  /** Whether a sentence mentions the noun. */
  boolean in(QuestionFocus.SentenceText s) {
    return s.terms().contains(stem);
  }

  /**
   * Whether a text holds a number followed, within three words, by the noun ("three (3) tiers",
   * "100 miles"); an enumerator ("1) Assess the tiers") counts nothing.
   */
  boolean countedIn(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    Matcher m = NUMBER.matcher(lower);
    while (m.find()) {
      boolean enumerator = m.end() < lower.length() && lower.charAt(m.end()) == ')'
          && (m.start() == 0 || lower.charAt(m.start() - 1) != '(');
      if (!enumerator) {
        List<String> next = Terms.words(lower.substring(m.end(), Math.min(lower.length(), m.end() + 60)));
        for (int j = 0; j < Math.min(4, next.size()); j++) {
          if (Terms.stem(next.get(j)).equals(stem)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.-])(?:\\d+(?:[.,]\\d+)?|one|two|three|four|five|six|seven"
      + "|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|thousand|several|multiple)"
      + "(?![\\w-])");
}
