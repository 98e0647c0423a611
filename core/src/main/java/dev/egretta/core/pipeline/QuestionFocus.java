package dev.egretta.core.pipeline;

import dev.egretta.core.internal.Terms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question is about and what it asks for: its content terms (stemmed, names and acronyms
 * weighted up), its numbers, its quoted phrases, and its {@link AnswerType}. How rare each item is
 * among the candidate sentences is decided by {@link EvidenceSelector}, which weighs them.
 *
 * @param items the focus items, each with its weight multiplier
 * @param answerType the kind of answer asked for
 * @param answerForm a narrower form of the answer read from the question, when it names one: "how
 *     many days" wants a number of days, not any duration; "what percentage" a percentage; "how
 *     many suppliers" a number. {@code null} when the answer type alone says what to look for
 * @param asked the keys of the items that only say what kind of answer is asked for ("many" and
 *     "day" of "how many days", "often", "long", "percentage"): an answer holds a value in their
 *     place rather than the words, so the topic of the question is the other items
 */
public record QuestionFocus(List<Item> items, AnswerType answerType, Pattern answerForm, Set<String> asked) {

  private static final String NUMBER = "(?:\\d+(?:[.,]\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
      + "|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|hundred|twenty-four|seventy-two)";
  private static final String UNITS = "(seconds?|minutes?|hours?|days?|weeks?|months?|years?)";
  /** A unit named after the thing asked for, at the end of a clause: "the recovery time objective, in hours?". */
  private static final String IN_UNIT = "\\bin " + UNITS + "(?=\\s*(?:[?,;)]|$))";
  /**
   * A unit the answer is asked in: "how many (business) days", "the number of days", or a unit
   * named after the thing asked for ("the recovery time objective, in hours?").
   */
  private static final Pattern ASKED_UNIT = Pattern.compile("\\bhow (?:many|much)\\s+(?:\\w+\\s+)?" + UNITS + "\\b"
      + "|\\bnumber of\\s+(?:\\w+\\s+)?" + UNITS + "\\b|" + IN_UNIT, Pattern.CASE_INSENSITIVE);
  private static final Pattern ASKED_PERCENT = Pattern.compile("\\bwhat (?:percentage|percent|share)\\b|\\bhow many percent\\b",
      Pattern.CASE_INSENSITIVE);
  /** The wording of the kind of answer asked for: "how many days", "how often", "what percentage". */
  private static final Pattern ASKED_WORDS = Pattern.compile("\\bhow\\s+(many|much)(?:\\s+(\\w+))?|\\bhow\\s+(long|often|frequently"
      + "|regularly|soon|quickly|fast)\\b|\\bwhat\\s+(percentage|percent|frequency)\\b|" + IN_UNIT
      + "|\\bnumber of\\s+(?:business |working |calendar )?" + UNITS + "\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern ASKED_COUNT = Pattern.compile("\\bhow many\\b|\\bwhat (?:is the )?(?:minimum|maximum) number\\b"
      + "|\\bwhat (?:minimum|maximum)\\b", Pattern.CASE_INSENSITIVE);

  /** Names, acronyms and numbers say more about what is asked than common words. */
  static final double NAME_WEIGHT = 1.5;
  static final double NUMBER_WEIGHT = 2.0;
  static final double PHRASE_WEIGHT = 2.0;

  /** A quoted phrase; a single quote opens only before a word and closes only after one (not "who's", "what'll"). */
  private static final Pattern QUOTED = Pattern.compile("(?:[\"“]|(?<![\\p{L}\\p{N}])['‘])([^\"”'’]{3,80})(?:[\"”]|['’](?![\\p{L}\\p{N}]))");
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*");

  /** One thing the evidence should mention. */
  public record Item(Kind kind, String key, double multiplier) {
    public Item {
      if (key.isBlank() || !(multiplier > 0)) {
        throw new IllegalArgumentException("a focus item needs a key and a positive multiplier; got '" + key + "', " + multiplier);
      }
    }

    /** Whether a sentence (its lower-cased text, words and stemmed terms) mentions this item. */
    boolean in(SentenceText s) {
      return switch (kind) {
        case TERM -> s.terms().contains(key);
        case NUMBER -> s.words().contains(key);
        case PHRASE -> s.lower().contains(key);
      };
    }
  }

  /** What kind of focus item. */
  public enum Kind { TERM, NUMBER, PHRASE }

  /** A sentence prepared for focus look-ups. */
  record SentenceText(String lower, Set<String> words, Set<String> terms) {
    static SentenceText of(String text) {
      return new SentenceText(text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "),
          Set.copyOf(Terms.words(text)), Terms.contentTerms(text));
    }
  }

  public QuestionFocus {
    items = List.copyOf(items);
    java.util.Objects.requireNonNull(answerType, "answerType");
    asked = Set.copyOf(asked);
  }

  /** A focus whose items all belong to the topic (none only names the kind of answer). */
  public QuestionFocus(List<Item> items, AnswerType answerType, Pattern answerForm) {
    this(items, answerType, answerForm, Set.of());
  }

  /** The items that the answer's passage should mention: all but the {@link #asked} ones. */
  public List<Item> topic() {
    return items.stream().filter(i -> !asked.contains(i.key())).toList();
  }

  /** The stemmed words of a question that only say what kind of answer it asks for. */
  static Set<String> askedWords(String question) {
    java.util.Set<String> out = new java.util.HashSet<>();
    Matcher m = ASKED_WORDS.matcher(question);
    while (m.find()) {
      for (int g = 1; g <= m.groupCount(); g++) {
        String w = m.group(g);
        // the word after "how many" counts only when it is a unit of the answer, not the thing counted
        if (w != null && (g != 2 || UNIT.matcher(w).matches())) {
          out.add(Terms.stem(w.toLowerCase(Locale.ROOT)));
        }
      }
    }
    return out;
  }

  private static final Pattern UNIT = Pattern.compile("(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|times|percent)",
      Pattern.CASE_INSENSITIVE);

  /**
   * Whether a text holds the kind of answer asked for (its narrower form when the question names one),
   * in words of its own: a match made only of the question's content words is its echo, not an answer
   * ("Maximum" in "Maximum Tolerable Downtime – the total amount of time ..." answers no "what is the
   * maximum tolerable downtime"; "approves" no "who approves"). A match with a number, a function word
   * ("when", "before") or a symbol counts.
   */
  public boolean answerFoundIn(String text) {
    Matcher m = (answerForm != null ? answerForm : answerType.found()).matcher(text);
    while (m.find()) {
      if (!echoesQuestion(m.group())) {
        return true;
      }
    }
    return false;
  }

  private boolean echoesQuestion(String match) {
    List<String> words = Terms.words(match);
    if (words.isEmpty()) {
      return false;
    }
    for (String w : words) {
      if (!Terms.isContent(w)) {
        return false;
      }
      String stem = Terms.stem(w);
      if (items.stream().noneMatch(i -> i.kind() == Kind.TERM && i.key().equals(stem))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the question asks for a particular kind of answer. */
  public boolean typed() {
    return answerForm != null || answerType != AnswerType.NONE;
  }

  static Pattern answerForm(String question) {
    Matcher unit = ASKED_UNIT.matcher(question);
    if (unit.find()) {
      String named = unit.group(1) != null ? unit.group(1) : unit.group(2) != null ? unit.group(2) : unit.group(3);
      String u = named.toLowerCase(Locale.ROOT).replaceFirst("s$", "");
      return Pattern.compile("\\b" + NUMBER + "[\\s-]+(?:\\(\\d+\\)\\s+)?(?:business |working |calendar )?" + u + "s?\\b",
          Pattern.CASE_INSENSITIVE);
    }
    if (ASKED_PERCENT.matcher(question).find()) {
      return Pattern.compile("\\d+(?:\\.\\d+)?\\s*(?:%|percent)", Pattern.CASE_INSENSITIVE);
    }
    if (ASKED_COUNT.matcher(question).find()) {
      // a number that is not part of a control or section identifier (AU-4, 3.2)
      return Pattern.compile("(?<![\\w.-])" + NUMBER + "(?![\\w.-]\\w)", Pattern.CASE_INSENSITIVE);
    }
    return null;
  }

  /** Items of a sentence around the one that asks ("We are a cloud provider.") count this much of their weight. */
  static final double CONTEXT_WEIGHT = 0.5;

  /**
   * The focus of a question. When it is several sentences, the kind of answer is read from the one
   * that asks ({@link #askingSentence}), and the items of sentences that do not ask count
   * {@link #CONTEXT_WEIGHT} of theirs: they say who asks and about what, and the sentence that
   * answers need not repeat them.
   */
  public static QuestionFocus of(String asked) {
    String question = Terms.plainQuestion(asked);
    List<String> asking = Terms.askingSentences(question);
    Map<String, Item> items = new LinkedHashMap<>();
    for (String sentence : Terms.questionSentences(question)) {
      addItems(sentence, asking.contains(sentence) ? 1.0 : CONTEXT_WEIGHT, items);
    }
    String typed = askingSentence(asking);
    return new QuestionFocus(new ArrayList<>(items.values()), AnswerType.of(typed), answerForm(typed), askedWords(typed));
  }

  /**
   * The sentence a question's kind of answer is read from: of the sentences that ask
   * ({@link Terms#askingSentences}), the first whose wording asks for a kind, else the first
   * ("What are the requirements? Is there a deadline?" asks for a list).
   */
  static String askingSentence(String plainQuestion) {
    return askingSentence(Terms.askingSentences(plainQuestion));
  }

  private static String askingSentence(List<String> asking) {
    return asking.stream().filter(s -> AnswerType.of(s) != AnswerType.NONE).findFirst().orElse(asking.getFirst());
  }

  /** Adds a sentence's items, each weighted {@code weight} times its kind's multiplier; an item keeps its largest weight. */
  private static void addItems(String sentence, double weight, Map<String, Item> items) {
    Matcher q = QUOTED.matcher(sentence);
    while (q.find()) {
      String phrase = q.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
      if (phrase.contains(" ")) {
        put(items, "\"" + phrase, new Item(Kind.PHRASE, phrase, PHRASE_WEIGHT * weight));
      }
    }
    Matcher m = TOKEN.matcher(sentence);
    boolean first = true;
    while (m.find()) {
      String raw = m.group().replaceAll("[.'’-]+$", "");
      String lower = raw.toLowerCase(Locale.ROOT);
      if (!raw.isEmpty() && raw.chars().allMatch(Character::isDigit)) {
        put(items, "#" + lower, new Item(Kind.NUMBER, lower, NUMBER_WEIGHT * weight));
      } else {
        for (String w : Terms.words(raw)) {
          if (Terms.isContent(w)) {
            boolean name = !first && Character.isUpperCase(raw.charAt(0)) || raw.length() > 1 && raw.equals(raw.toUpperCase(Locale.ROOT))
                && raw.chars().anyMatch(Character::isLetter);
            String stem = Terms.stem(w);
            put(items, stem, new Item(Kind.TERM, stem, (name ? NAME_WEIGHT : 1.0) * weight));
          }
        }
      }
      first = false;
    }
  }

  private static void put(Map<String, Item> items, String key, Item item) {
    Item old = items.get(key);
    if (old == null || old.multiplier() < item.multiplier()) {
      items.put(key, item);
    }
  }
}
