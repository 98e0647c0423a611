package dev.egretta.core.pipeline;

import dev.egretta.core.internal.CitationFilter;
import dev.egretta.core.internal.Terms;
import dev.egretta.core.spi.RetrievedPassage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pipeline stage: checks every cited claim of a finished answer against the passage it cites, after
 * {@link CitationFilter} has made every reference a canonical {@code [Source N]} within range.
 *
 * <p>The claim of a citation is the sentence it ends (the text since the previous citation on the
 * same line, cut at the last sentence break; a citation right after another, or alone after a
 * sentence's full stop, shares that sentence). Passage N supports the claim when the claim is quoted
 * from it (case, punctuation and markdown aside), or when every number of the claim (digits, or the
 * words two to twelve) occurs in the passage and the passage covers the claim's focus
 * ({@link EvidenceSelector}'s rarity-weighted coverage of its terms, names, numbers and phrases) by at
 * least {@value #MIN_COVERAGE}, or by at least {@value #MIN_COVERAGE_WITH_SIMILARITY} with an embedding
 * similarity of at least {@value #MIN_SIMILARITY} between the claim and the passage's best sentence (a
 * paraphrase). The thresholds are set by hand, not fitted: a quote or close paraphrase passes, a claim
 * whose numbers or key terms are not in the cited passage does not.
 *
 * <p>An unsupported citation is removed (with the blanks before it); the sources left without any
 * citation after that are dropped and the others renumbered densely from 1 in their original order.
 * Sources the answer never cited stay. Thread-safe when its selector is.
 */
public final class CitationCheck {

  static final double MIN_COVERAGE = 0.5;
  static final double MIN_COVERAGE_WITH_SIMILARITY = 0.25;
  static final double MIN_SIMILARITY = 0.75;
  /** A claim this short is not checked as a quote: a few words occur in almost any passage. */
  static final int MIN_QUOTE_WORDS = 4;

  private static final Pattern GROUP = Pattern.compile("[ \\t]*\\[Source \\d+](?:[ \\t,;]*\\[Source \\d+])*");
  private static final Pattern REFERENCE = Pattern.compile("\\[Source (\\d+)]");
  private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?;:])\\s+(?=\\S)");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,:/]\\d+)*");
  private static final List<String> NUMBER_WORDS = List.of("two", "three", "four", "five", "six", "seven", "eight", "nine",
      "ten", "eleven", "twelve");
  private static final Pattern NUMBER_WORD = Pattern.compile("(?i)\\b(" + String.join("|", NUMBER_WORDS) + ")\\b");
  private static final Pattern MARKUP = Pattern.compile("^\\s*(?:#+|[-*+•>]|\\d+[.)])\\s+|[*_`\"“”]");

  private final EvidenceSelector selector;

  /** @param selector scores the claims, as it scores evidence for a question (lexical, or with embeddings) */
  public CitationCheck(EvidenceSelector selector) {
    this.selector = Objects.requireNonNull(selector, "selector");
  }

  /**
   * The checked answer.
   *
   * @param markdown the answer with unsupported citations removed and the others renumbered
   * @param kept the original number (1-based) of each remaining source, in the new order: new source
   *     {@code i} is original source {@code kept.get(i - 1)}
   * @param supported how many citations passage checks supported
   * @param removed how many citations were removed
   */
  public record Result(String markdown, List<Integer> kept, int supported, int removed) {
    public Result {
      Objects.requireNonNull(markdown, "markdown");
      kept = List.copyOf(kept);
      if (supported < 0 || removed < 0) {
        throw new IllegalArgumentException("counts must be >= 0; got " + supported + ", " + removed);
      }
    }

    /** Whether the answer is left without a single supported claim. */
    public boolean noSupportedClaim() {
      return supported == 0;
    }
  }

  /** How well one passage supports one claim. */
  record Support(boolean quoted, boolean numbersFound, double coverage, double similarity) {
    boolean holds() {
      return quoted || numbersFound
          && (coverage >= MIN_COVERAGE || coverage >= MIN_COVERAGE_WITH_SIMILARITY && similarity >= MIN_SIMILARITY);
    }
  }

  private record Cited(int start, int end, String lead, List<Integer> numbers, String claim) {}

  /** Checks the citations of an answer whose {@code [Source N]} are numbered over {@code passages}. */
  public Result check(String markdown, List<RetrievedPassage> passages) {
    List<Cited> groups = groups(markdown);
    Map<String, Boolean> verdicts = new HashMap<>();
    Set<Integer> cited = new LinkedHashSet<>();
    Set<Integer> supportedSources = new LinkedHashSet<>();
    List<List<Integer>> keptPerGroup = new ArrayList<>();
    int supported = 0;
    int removed = 0;
    for (Cited g : groups) {
      List<Integer> keep = new ArrayList<>();
      for (int n : g.numbers()) {
        cited.add(n);
        boolean ok = n >= 1 && n <= passages.size() && verdicts.computeIfAbsent(n + "\u0000" + g.claim(),
            k -> support(g.claim(), passages.get(n - 1)).holds());
        if (ok) {
          supported++;
          supportedSources.add(n);
          if (!keep.contains(n)) {
            keep.add(n);
          }
        } else {
          removed++;
        }
      }
      keptPerGroup.add(keep);
    }
    List<Integer> kept = new ArrayList<>();
    for (int n = 1; n <= passages.size(); n++) {
      if (!cited.contains(n) || supportedSources.contains(n)) {
        kept.add(n);
      }
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int i = 0; i < groups.size(); i++) {
      Cited g = groups.get(i);
      out.append(markdown, at, g.start());
      List<Integer> keep = keptPerGroup.get(i);
      if (!keep.isEmpty()) {
        out.append(g.lead());
        for (int k = 0; k < keep.size(); k++) {
          out.append(k == 0 ? "" : " ").append("[Source ").append(kept.indexOf(keep.get(k)) + 1).append(']');
        }
      }
      at = g.end();
    }
    out.append(markdown, at, markdown.length());
    return new Result(out.toString(), kept, supported, removed);
  }

  /** How well a passage supports a claim (citation markers and markdown already removed or not). */
  Support support(String claim, RetrievedPassage passage) {
    String c = clean(claim);
    String text = String.join(" ", Terms.sentences(passage.text()));
    String quote = normalised(c);
    if (quote.split(" ").length >= MIN_QUOTE_WORDS && (" " + normalised(text) + " ").contains(" " + quote + " ")) {
      return new Support(true, true, 1.0, Double.NaN);
    }
    Set<String> passageNumbers = numbers(text);
    boolean numbersFound = passageNumbers.containsAll(numbers(c));
    if (!numbersFound) {
      return new Support(false, false, 0, Double.NaN);
    }
    EvidenceSelector.Selection s = selector.select(c, List.of(passage));
    double similarity = s.ranked().stream().filter(Evidence::embedded).mapToDouble(Evidence::similarity).max()
        .orElse(Double.NaN);
    return new Support(false, true, s.passageCoverage().get(0), similarity);
  }

  /** Every citation group with its numbers and its claim, in order. */
  private static List<Cited> groups(String markdown) {
    List<Cited> out = new ArrayList<>();
    Matcher g = GROUP.matcher(markdown);
    int previousEnd = 0;
    String previousClaim = "";
    while (g.find()) {
      int lineStart = markdown.lastIndexOf('\n', Math.max(0, g.start() - 1)) + 1;
      boolean sameLine = previousEnd > lineStart;
      String claim = lastSentence(markdown.substring(Math.max(lineStart, previousEnd), g.start()));
      if (!hasContent(claim)) {
        if (sameLine) {
          claim = previousClaim;
        } else if (lineStart > 0) {
          // a citation alone on its line cites the line before it
          int prevLine = markdown.lastIndexOf('\n', Math.max(0, lineStart - 2)) + 1;
          claim = lastSentence(markdown.substring(Math.max(prevLine, previousEnd), lineStart));
        }
      }
      List<Integer> numbers = new ArrayList<>();
      Matcher r = REFERENCE.matcher(g.group());
      while (r.find()) {
        numbers.add(Integer.parseInt(r.group(1)));
      }
      String lead = g.group().substring(0, g.group().indexOf('['));
      out.add(new Cited(g.start(), g.end(), lead, numbers, claim));
      previousEnd = g.end();
      previousClaim = claim;
    }
    return out;
  }

  private static String lastSentence(String text) {
    String[] parts = SENTENCE_BREAK.split(text.strip());
    for (int i = parts.length - 1; i >= 0; i--) {
      if (hasContent(parts[i])) {
        return parts[i].strip();
      }
    }
    return "";
  }

  private static boolean hasContent(String text) {
    return !Terms.contentTerms(text).isEmpty();
  }

  static String clean(String claim) {
    return MARKUP.matcher(REFERENCE.matcher(claim).replaceAll(" ")).replaceAll(" ").replaceAll("\\s+", " ").strip();
  }

  private static String normalised(String text) {
    return text.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** Numbers as digits, number words as their digits ("five" → 5); "one" is left out, it is a pronoun as often. */
  private static Set<String> numbers(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      out.add(m.group().replaceAll("(?<=\\d),(?=\\d{3})", "").replaceAll("[.,:/]$", ""));
    }
    Matcher w = NUMBER_WORD.matcher(text);
    while (w.find()) {
      out.add(Integer.toString(NUMBER_WORDS.indexOf(w.group(1).toLowerCase(Locale.ROOT)) + 2));
    }
    return out;
  }
}
