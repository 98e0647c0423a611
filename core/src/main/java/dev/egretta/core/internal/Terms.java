package dev.egretta.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small text analysis the default stages share: lower-cased word tokens, an English stop-word
 * list, and a light suffix stemmer ({@code requirements} → {@code requirement}, {@code reporting}
 * → {@code report}) that also folds British spellings into American ones ({@link Spelling}). Deliberately simple and deterministic; retrieval itself uses the retriever's analyser.
 */
public final class Terms {

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

  /** Common English function words and question words. */
  public static final Set<String> STOP_WORDS = Set.of(
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
      "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
      "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
      "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
      "itself", "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only",
      "or", "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
      "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to",
      "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
      "whom", "why", "will", "with", "would", "you", "your", "yours", "shall", "may", "must", "might", "within",
      "per", "via", "etc", "e.g", "i.e", "tell", "explain", "describe", "according", "say", "says", "said", "please",
      "give", "list", "us", "one", "two", "use", "used", "using", "make", "get", "need", "needs", "way", "ways",
      "whilst", "amongst", "know", "like", "want", "wondering", "wonder");

  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<=[.!?;])\\s+(?=[\"'(\\[]?[A-Z0-9])|\\s*\\n\\s*(?=[•▪●◦\\-–*]\\s)");

  private Terms() {}

  /**
   * The sentences of a passage, in order: whitespace collapsed, words hyphenated across a line
   * break joined, bullets removed, double quotes made single; a sentence over 600 characters is cut
   * at a word and ends with {@code ...}.
   */
  public static List<String> sentences(String text) {
    String t = text.replaceAll("(\\p{Ll})-\\s*\\n\\s*(\\p{Ll})", "$1$2");
    List<String> out = new ArrayList<>();
    for (String s : SENTENCE_END.split(t)) {
      String c = s.replaceAll("\\s+", " ").replaceFirst("^[•▪●◦\\-–*]\\s*", "").strip().replace("\"", "'");
      if (c.length() > 600) {
        c = c.substring(0, 600).replaceFirst("\\s+\\S*$", "") + " ...";
      }
      if (!c.isEmpty()) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * An excerpt of about {@code maxChars} characters that starts at the passage's sentence sharing
   * the most content terms with the question (the passage start when none shares any).
   */
  public static String excerpt(String text, String question, int maxChars) {
    return excerpt(text, question, java.util.Optional.empty(), maxChars);
  }

  /**
   * An excerpt of about {@code maxChars} characters that starts at the {@code evidence} sentence
   * (one of {@link #sentences} or a part of one, e.g. chosen by {@link EvidenceSelector}); without one, or when the
   * passage does not hold it, as {@link #excerpt(String, String, int)}.
   */
  public static String excerpt(String text, String question, java.util.Optional<String> evidence, int maxChars) {
    List<String> sentences = sentences(text);
    if (sentences.isEmpty()) {
      return "";
    }
    int at = evidence.map(sentences::indexOf).orElse(-1);
    for (int i = 0; at < 0 && evidence.isPresent() && i < sentences.size(); i++) {
      int from = sentences.get(i).indexOf(evidence.get());
      if (from > 0) {   // an item of a run-on sentence: the excerpt starts at the item
        sentences = new ArrayList<>(sentences);
        sentences.set(i, sentences.get(i).substring(from));
        at = i;
      }
    }
    return at >= 0 ? excerptFrom(sentences, at, maxChars) : excerptFrom(sentences, bestMatch(sentences, question), maxChars);
  }

  /**
   * Where a sentence of {@link #sentences} (or an item of one) starts in the raw passage text it came
   * from, or -1: the sentence had its whitespace collapsed, a word hyphenated across a line break joined,
   * double quotes made single and a long one cut with "...", so it is looked for word by word (its
   * first {@value #LOCATE_WORDS} words), any whitespace, a line-break hyphen or a quote of either kind
   * between or inside them.
   */
  public static int locate(String text, String sentence) {
    int exact = text.indexOf(sentence);
    if (exact >= 0) {
      return exact;
    }
    String[] words = sentence.replaceFirst("\\s*\\.\\.\\.$", "").strip().split(" ");
    StringBuilder pattern = new StringBuilder();
    for (int i = 0; i < Math.min(words.length, LOCATE_WORDS); i++) {
      if (words[i].isEmpty()) {
        continue;
      }
      if (pattern.length() > 0) {
        pattern.append("\\s+");
      }
      StringBuilder w = new StringBuilder();
      words[i].codePoints().forEach(c -> {
        if (w.length() > 0) {
          w.append("(?:-\\s*\\n\\s*)?");   // a line-break hyphen the sentence joined
        }
        w.append(c == '\'' ? "['\"]" : Pattern.quote(new String(Character.toChars(c))));
      });
      pattern.append(w);
    }
    if (pattern.length() == 0) {
      return -1;
    }
    Matcher m = Pattern.compile(pattern.toString()).matcher(text);
    return m.find() ? m.start() : -1;
  }

  private static final int LOCATE_WORDS = 12;

  private static int bestMatch(List<String> sentences, String question) {
    Set<String> asked = contentTerms(question);
    int best = 0;
    long bestCount = 0;
    for (int i = 0; i < sentences.size(); i++) {
      long count = contentTerms(sentences.get(i)).stream().filter(asked::contains).count();
      if (count > bestCount) {
        best = i;
        bestCount = count;
      }
    }
    return best;
  }

  private static String excerptFrom(List<String> sentences, int best, int maxChars) {
    StringBuilder b = new StringBuilder(sentences.get(best));
    for (int i = best + 1; i < sentences.size() && b.length() + 1 + sentences.get(i).length() <= maxChars; i++) {
      b.append(' ').append(sentences.get(i));
    }
    if (b.length() <= maxChars) {
      return b.toString();
    }
    String cut = b.substring(0, maxChars);
    int space = cut.lastIndexOf(' ');
    return (space > maxChars / 2 ? cut.substring(0, space) : cut) + "...";
  }

  /** Every word token, lower-cased, in order. */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** The distinct stemmed content words (no stop words, no single characters), in order. */
  public static Set<String> contentTerms(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : words(text)) {
      if (isContent(w)) {
        out.add(stem(w));
      }
    }
    return out;
  }

  /**
   * Whether a lower-cased word carries content (not a stop word, longer than one character); a
   * contraction carries none ("don't", "they'll") and a possessive what its noun does ("what's" none,
   * "agency's" some).
   */
  public static boolean isContent(String word) {
    int apostrophe = Math.max(word.indexOf('\''), word.indexOf('’'));
    if (apostrophe > 0) {
      String suffix = word.substring(apostrophe + 1);
      return suffix.equals("s") && isContent(word.substring(0, apostrophe));
    }
    return word.length() > 1 && !STOP_WORDS.contains(word) && !word.chars().allMatch(Character::isDigit);
  }

  private static final Pattern NOT = Pattern.compile("\\b(\\p{L}+)n['’]t\\b", Pattern.CASE_INSENSITIVE);
  /** The verbs that change before n't: can't, won't, shan't, ain't. */
  private static final Map<String, String> NOT_BASES = Map.of("ca", "can", "wo", "will", "sha", "shall", "ai", "is");
  private static final Pattern IS = Pattern.compile("\\b(what|who|where|when|how|why|there|here|that|it|he|she)['’]s\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern OTHER = Pattern.compile("\\b(\\p{L}+)['’](re|ve|ll|d|m)\\b", Pattern.CASE_INSENSITIVE);

  /** "Can you tell me", "I would like to know if", "Please explain": words that frame a question, not ask it. */
  private static final Pattern LEAD_IN = Pattern.compile("^\\s*(?:(?:hi|hello)[,!.]?\\s+)?(?:please\\s+)?"
      + "(?:(?:can|could|would|will) you (?:please )?(?:tell|show|explain to|let) me(?: know)?|tell me|explain|"
      + "(?:can|could|would|will) you (?:please )?(?:explain|describe|clarify|outline|summari[sz]e|elaborate on|specify|confirm)|"
      + "i (?:would like|want|need|am trying|was wondering|wonder|am wondering)(?: to (?:know|find out|understand))?|"
      + "do you know|let me know|i have a question:?|(?:a |one )?(?:quick|short|simple|small)? ?question[:.!]?|"
      + "(?:one|a) (?:more|last|other) (?:thing|question)[:.!]?)\\s*,?\\s+(?:(?:if|whether)\\s+)?", Pattern.CASE_INSENSITIVE);

  /**
   * "the documents", "the provided files", "this policy": a generic name for the documents asked,
   * one noun that says which kind of text holds the answer, not what the answer is about.
   */
  private static final String THE_DOCUMENTS = "(?:the|these|this|those|our|your|my)\\s+"
      + "(?:(?:provided|uploaded|attached|available|indexed|relevant|given|above)\\s+)?"
      + "(?:documents?|docs|documentation|files?|sources?|passages?|texts?|library|corpus|knowledge base|materials?|"
      + "guidance|polic(?:y|ies)|procedures?|standards?|manuals?|handbooks?|guides?|guidelines|regulations?|"
      + "frameworks?)";
  /** "According to the documents, ...": where to look, said before the question. */
  private static final Pattern ATTRIBUTION_LEAD = Pattern.compile(
      "^\\s*(?:according to|based on|as per|per|in|from)\\s+" + THE_DOCUMENTS + "\\s*,\\s*", Pattern.CASE_INSENSITIVE);
  /** "... according to the policy?": where to look, said after it. */
  private static final Pattern ATTRIBUTION_TAIL = Pattern.compile(
      "\\s*,?\\s+(?:according to|based on|as per|per|in|under)\\s+" + THE_DOCUMENTS + "(?=\\s*[?.!]?\\s*$)",
      Pattern.CASE_INSENSITIVE);
  private static final String WH = "(?:what|which|who|whom|whose|when|where|why|how)";
  /**
   * How a direct question starts: an interrogative word or auxiliary, a preposition before a wh-word
   * ("Within how many days", "In which reports"), or a phrase before a comma and a wh-word ("On high
   * systems, how often").
   */
  private static final Pattern INTERROGATIVE = Pattern.compile("^\\s*(?:" + WH + "|is|are|was|were|do|does|did|can|could|"
      + "must|should|shall|will|would|may|might|has|have|had)\\b|^\\s*(?:within|in|on|for|from|to|by|at|under|through"
      + "|during|after|before|with|of|since|until|upon)\\s+" + WH + "\\b|^[^,]{1,80},\\s*" + WH + "\\b", Pattern.CASE_INSENSITIVE);

  /**
   * The question itself: contractions written out ({@link #expandContractions}); a lead-in that only
   * frames it dropped ("Can you tell me when the plan is tested?" is "when the plan is tested?"), so
   * that the patterns reading what is asked ("when", "which") see it where a question starts; where to
   * look dropped when it names the documents only by kind ("According to the documents, who ...",
   * "... under the policy?"): a sentence that answers does not mention "the documents"; and a question
   * mark added to a direct question typed without one, which the embedding model reads differently.
   */
  public static String plainQuestion(String text) {
    String t = expandContractions(text);
    for (Pattern framing : List.of(LEAD_IN, ATTRIBUTION_LEAD, LEAD_IN)) {
      Matcher m = framing.matcher(t);
      if (m.find() && m.end() < t.length()) {
        t = t.substring(m.end());
      }
    }
    Matcher tail = ATTRIBUTION_TAIL.matcher(t);
    if (tail.find() && tail.start() > 0) {
      t = t.substring(0, tail.start()) + t.substring(tail.end());
    }
    String end = t.stripTrailing();
    if (!end.isEmpty() && ".?!".indexOf(end.charAt(end.length() - 1)) < 0 && INTERROGATIVE.matcher(end).find()) {
      return end + "?";
    }
    return t;
  }

  /** A sentence boundary: end punctuation, then a sentence that starts with a capital or a quote. */
  private static final Pattern QUESTION_SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\"“‘(])");

  /**
   * The sentences of a question as typed ("We are a cloud provider. How often must we report?" is two);
   * an abbreviation before a lower-case word or a number ("e.g. the", "U.S. agencies", "Rev. 5") ends none.
   */
  public static List<String> questionSentences(String question) {
    List<String> out = new ArrayList<>();
    for (String part : QUESTION_SENTENCE_END.split(question.strip())) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  /**
   * The sentences that ask: those ending with a question mark, else the last one. The others say who
   * asks or about what ("We are a cloud provider. How often must we report?").
   */
  public static List<String> askingSentences(String question) {
    List<String> sentences = questionSentences(question);
    if (sentences.size() < 2) {
      return sentences.isEmpty() ? List.of(question) : sentences;
    }
    List<String> asking = sentences.stream().filter(s -> s.endsWith("?")).toList();
    return asking.isEmpty() ? List.of(sentences.getLast()) : asking;
  }

  /**
   * A question with its contractions written out ("What's" is "What is", "don't" "do not", "can't"
   * "can not", "they'll" "they will"): the patterns that read what a question asks for ("what is the
   * maximum number of") are written for the long forms. Possessives stay ("the agency's").
   */
  public static String expandContractions(String text) {
    String t = NOT.matcher(text).replaceAll(m -> {
      String base = m.group(1);
      String full = NOT_BASES.get(base.toLowerCase(Locale.ROOT));
      if (full == null) {
        full = base;
      } else if (Character.isUpperCase(base.charAt(0))) {
        full = Character.toUpperCase(full.charAt(0)) + full.substring(1);
      }
      return Matcher.quoteReplacement(full + " not");
    });
    t = IS.matcher(t).replaceAll("$1 is");
    return OTHER.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "re" -> "are";
      case "ve" -> "have";
      case "ll" -> "will";
      case "d" -> "would";
      default -> "am";
    }));
  }

  /** A lower-cased word without its possessive {@code 's} ("agency's" is "agency"). */
  static String withoutPossessive(String word) {
    return word.length() > 2 && (word.endsWith("'s") || word.endsWith("’s")) ? word.substring(0, word.length() - 2) : word;
  }

  /**
   * A light English suffix stemmer; a possessive's {@code 's} goes first ("agency's" is "agency"),
   * then a British spelling becomes American ({@link Spelling}: "organisations" is "organization").
   */
  public static String stem(String word) {
    String w = Spelling.american(withoutPossessive(word));
    if (w.length() > 5 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 5 && w.endsWith("ing")) {
      return w.substring(0, w.length() - 3);
    }
    if (w.length() > 4 && w.endsWith("ed") && !w.endsWith("eed")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  /** Jaccard similarity of two texts' content terms, in [0, 1]. */
  public static double similarity(String a, String b) {
    Set<String> x = contentTerms(a);
    Set<String> y = contentTerms(b);
    if (x.isEmpty() && y.isEmpty()) {
      return 1.0;
    }
    Set<String> union = new LinkedHashSet<>(x);
    union.addAll(y);
    long common = x.stream().filter(y::contains).count();
    return (double) common / union.size();
  }
}
