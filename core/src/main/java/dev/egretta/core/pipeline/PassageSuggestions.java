package dev.egretta.core.pipeline;

import dev.egretta.core.internal.Terms;
import dev.egretta.core.spi.RetrievedPassage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The default {@link SuggestionGenerator}; no model needed. It proposes questions about the
 * section headings of the passages ("What does the EPA Incident Response Procedures say about
 * reporting?") and about the two-word phrases the passages repeat most that the question does not
 * already cover ("What are the requirements for contingency training?"), interleaved; phrases seen
 * more often come first.
 */
public final class PassageSuggestions implements SuggestionGenerator {

  private static final int MAX_CANDIDATES = 12;
  private static final Set<String> ACRONYMS = Set.of("epa", "nist", "sp", "us", "uk", "eu", "it", "ffiec", "iso",
      "gdpr", "hipaa", "pci", "dss", "bcm", "drp", "mas", "fca", "sec", "cisa", "omb", "fisma", "bia", "coop", "ir");
  /** Adjectives and participles that make poor topics on either side of a phrase. */
  private static final Set<String> MODIFIERS = Set.of("high", "moderate", "available", "defined", "based",
      "related", "specific", "following", "required", "appropriate", "applicable", "start", "quick", "guide",
      "page", "directive", "procedure", "section", "rev", "form", "note", "publicly", "agency", "federal", "ensure",
      "including", "within", "provide", "provides");
  private static final Map<String, String> CASED = Map.of("fedramp", "FedRAMP");
  private static final Set<String> SMALL_WORDS = Set.of("and", "of", "the", "for", "to", "in", "on", "a", "an");
  private static final String[] TEMPLATES = {
      "What are the requirements for %s?", "Who is responsible for %s?", "How should %s be documented?",
      "What does the guidance say about %s?"};

  @Override
  public List<String> candidates(String question, List<RetrievedPassage> passages) {
    Set<String> asked = Terms.contentTerms(question);
    List<String> byHeading = headingQuestions(asked, passages);
    List<String> byPhrase = phraseQuestions(asked, passages);
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; out.size() < MAX_CANDIDATES && (i < byHeading.size() || i < byPhrase.size()); i++) {
      if (i < byPhrase.size()) {
        out.add(byPhrase.get(i));
      }
      if (i < byHeading.size()) {
        out.add(byHeading.get(i));
      }
    }
    return List.copyOf(out);
  }

  private static List<String> headingQuestions(Set<String> asked, List<RetrievedPassage> passages) {
    List<String> out = new ArrayList<>();
    for (RetrievedPassage p : passages) {
      String h = topicOfHeading(p.heading());
      if (h.isEmpty() || Terms.contentTerms(h).stream().allMatch(asked::contains)) {
        continue;
      }
      out.add("What does the " + documentTitle(p.filename()) + " say about " + lowerFirst(h) + "?");
    }
    return out;
  }

  /**
   * The topic of a section heading, or empty when it is no usable topic: control ids and numbering
   * are dropped ({@code IR-6(3) – Incident Reporting | Coordination with Supply Chain} → {@code
   * Coordination with Supply Chain}); headings without lower-case letters (running headers such as
   * {@code PROCEDURE}), table-of-contents lines and headings of over 8 words are refused.
   */
  static String topicOfHeading(String heading) {
    String h = heading.replaceAll("\\s+", " ").strip();
    h = h.replaceFirst("^[A-Z]{1,5}-\\d+(\\(\\d+\\))?\\s*[–—:-]?\\s*", "");
    h = h.replaceFirst("^[\\d.()]+\\s+", "");
    int bar = h.lastIndexOf('|');
    if (bar >= 0) {
      h = h.substring(bar + 1).strip();
    }
    h = h.replaceAll("[:.;,]+$", "").strip();
    boolean hasLower = h.chars().anyMatch(Character::isLowerCase);
    int words = h.isEmpty() ? 0 : h.split(" ").length;
    if (!hasLower || words < 1 || words > 8 || h.length() < 4 || h.contains("…") || h.contains("..")
        || h.matches(".*\\d$") || !h.matches("[\\p{L}\\p{N} ,'’()/&-]+")) {
      return "";
    }
    return h;
  }

  private static List<String> phraseQuestions(Set<String> asked, List<RetrievedPassage> passages) {
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Integer> firstSeen = new HashMap<>();
    for (RetrievedPassage p : passages) {
      List<String> words = Terms.words(p.text());
      for (int i = 0; i + 1 < words.size(); i++) {
        String a = words.get(i);
        String b = words.get(i + 1);
        if (!Terms.isContent(a) || !Terms.isContent(b) || a.length() < 4 || b.length() < 4
            || MODIFIERS.contains(a) || MODIFIERS.contains(b) || modifierLike(a) || modifierLike(b)
            || !a.chars().allMatch(Character::isLetter) || !b.chars().allMatch(Character::isLetter)
            || (asked.contains(Terms.stem(a)) && asked.contains(Terms.stem(b)))) {
          continue;
        }
        String phrase = a + " " + b;
        counts.merge(phrase, 1, Integer::sum);
        firstSeen.putIfAbsent(phrase, firstSeen.size());
      }
    }
    List<String> phrases = counts.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
            .thenComparing(e -> firstSeen.get(e.getKey())))
        .map(Map.Entry::getKey)
        .limit(MAX_CANDIDATES)
        .toList();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < phrases.size(); i++) {
      out.add(String.format(Locale.ROOT, TEMPLATES[i % TEMPLATES.length], phrases.get(i)));
    }
    return out;
  }

  /** Adverbs ({@code annually}) and participles ({@code associated}) read badly as topics. */
  private static boolean modifierLike(String w) {
    return w.endsWith("ly") || (w.endsWith("ed") && !w.endsWith("eed"));
  }

  /** {@code epa_incident_response_procedures.pdf} → {@code EPA Incident Response Procedures}. */
  static String documentTitle(String filename) {
    String base = filename.replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
    StringBuilder b = new StringBuilder();
    for (String w : base.split("[-_\\s]+")) {
      if (w.isEmpty()) {
        continue;
      }
      if (!b.isEmpty()) {
        b.append(' ');
      }
      String lower = w.toLowerCase(Locale.ROOT);
      if (CASED.containsKey(lower) || (SMALL_WORDS.contains(lower) && !b.isEmpty())) {
        b.append(CASED.getOrDefault(lower, lower));
        continue;
      }
      b.append(ACRONYMS.contains(lower) || w.chars().anyMatch(Character::isDigit)
          ? w.toUpperCase(Locale.ROOT)
          : Character.toUpperCase(w.charAt(0)) + w.substring(1));
    }
    return b.toString();
  }

  /** Lower-cases capitalised words ({@code Contingency Training} → {@code contingency training}), keeps acronyms. */
  private static String lowerFirst(String s) {
    StringBuilder b = new StringBuilder();
    for (String w : s.split(" ")) {
      if (!b.isEmpty()) {
        b.append(' ');
      }
      b.append(w.matches("\\p{Lu}\\p{Ll}+") ? w.toLowerCase(Locale.ROOT) : w);
    }
    return b.toString();
  }
}
