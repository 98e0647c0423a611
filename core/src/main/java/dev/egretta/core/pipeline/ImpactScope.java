package dev.egretta.core.pipeline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system impact levels (FIPS 199's low, moderate and high, the baselines of NIST SP 800-53 controls)
 * that a question asks about and that a requirement applies to. Control catalogues state a control's
 * scope once, under its identifier ("CP-9(1) – System Backup | Testing for Reliability ... For Moderate
 * and High Systems: 1) Test backup information at least quarterly"), so a sentence far from the header
 * still belongs to it; a question about low-impact systems is not answered by it.
 */
enum ImpactScope {
  LOW, MODERATE, HIGH;

  private static final String LEVEL = "(low|moderate|high)(?:[- ]impact)?";
  /** "a high-impact system", "low systems", "moderate and high systems"; not "high-risk findings" or "high value asset". */
  private static final Pattern ASKED = Pattern.compile(
      "\\b" + LEVEL + "((?:,? (?:and|or) " + LEVEL + ")*)(?: information)? systems?\\b");
  private static final Pattern LEVEL_WORD = Pattern.compile("\\b(low|moderate|high)\\b");
  /** A control's scope header: "For All Systems", "For Moderate and High Systems and Privacy Control Baseline". */
  private static final Pattern HEADER = Pattern.compile("\\bFor ((?:All|Low|Moderate|High)(?:(?:,| and|, and) (?:Low|Moderate|High))*) Systems\\b");
  /** A control identifier opening the next control ("AU-6 – ", "CP-9(1) - "), whose own header may be out of the text. */
  private static final Pattern CONTROL = Pattern.compile("\\b[A-Z]{2}-\\d+(?:\\(\\d+\\))? [–-] ");

  /** The levels a question names for the systems it asks about; empty when it names none. */
  static Set<ImpactScope> asked(String question) {
    Set<ImpactScope> out = EnumSet.noneOf(ImpactScope.class);
    Matcher m = ASKED.matcher(question.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.addAll(levels(m.group()));
    }
    return out;
  }

  /**
   * Per sentence of one passage, the levels its control applies to: those of the last scope header at
   * or before it, unless a control identifier came after that header; empty when unknown or "All".
   */
  static List<Set<ImpactScope>> ofSentences(List<String> sentences) {
    List<Set<ImpactScope>> out = new ArrayList<>(sentences.size());
    Set<ImpactScope> current = EnumSet.noneOf(ImpactScope.class);
    for (String sentence : sentences) {
      int lastHeader = -1;
      Matcher h = HEADER.matcher(sentence);
      while (h.find()) {
        lastHeader = h.end();
        current = h.group(1).startsWith("All") ? EnumSet.noneOf(ImpactScope.class) : levels(h.group(1));
      }
      Matcher c = CONTROL.matcher(sentence);
      while (c.find()) {
        if (c.start() >= lastHeader) {
          current = EnumSet.noneOf(ImpactScope.class);
        }
      }
      out.add(current);
    }
    return out;
  }

  /** Whether a requirement scoped to {@code scope} says nothing about the {@code asked} levels. */
  static boolean excludes(Set<ImpactScope> scope, Set<ImpactScope> asked) {
    return !scope.isEmpty() && !asked.isEmpty() && scope.stream().noneMatch(asked::contains);
  }

  /** The levels a text names ("Moderate and High", "low-impact"). */
  private static Set<ImpactScope> levels(String text) {
    Set<ImpactScope> out = EnumSet.noneOf(ImpactScope.class);
    Matcher level = LEVEL_WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (level.find()) {
      out.add(valueOf(level.group(1).toUpperCase(Locale.ROOT)));
    }
    return out;
  }
}
