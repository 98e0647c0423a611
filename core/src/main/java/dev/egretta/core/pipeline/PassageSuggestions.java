package dev.egretta.core.pipeline;

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
      String h = p.heading().replaceAll("^[\\s\\d.()A-Z]{0,8}?(?=[A-Za-z]{2})", "").replaceAll("\\s+", " ").strip();
      h = h.replaceAll("[:.;,]+$", "");
      if (h.length() < 4 || h.length() > 80 || Terms.contentTerms(h).stream().allMatch(asked::contains)) {
        continue;
      }
      out.add("What does the " + documentTitle(p.filename()) + " say about " + lowerFirst(h) + "?");
    }
    return out;
  }

  private static List<String> phraseQuestions(Set<String> asked, List<RetrievedPassage> passages) {
    Map<String, Integer> counts = new HashMap<>();
    Map<String, Integer> firstSeen = new HashMap<>();
    for (RetrievedPassage p : passages) {
      List<String> words = Terms.words(p.text());
      for (int i = 0; i + 1 < words.size(); i++) {
        String a = words.get(i);
        String b = words.get(i + 1);
        if (!Terms.isContent(a) || !Terms.isContent(b) || a.length() < 3 || b.length() < 3
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
