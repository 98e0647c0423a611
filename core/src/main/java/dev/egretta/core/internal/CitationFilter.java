package dev.egretta.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pipeline stage: checks citations as text streams through it, so that a streamed answer and a
 * blocking one are repaired identically. Every reference becomes the canonical {@code [Source N]}
 * with {@code 1 <= N <= sources}: variants are normalised ({@code [source 2]}, {@code [Sources 1, 3]},
 * {@code [Source 1 and Source 2]} → {@code [Source 1] [Source 3]}), numbers outside the range are
 * dropped, and a reference with no valid number is removed together with the blanks before it.
 * Any other bracketed text passes unchanged. Not thread-safe: one filter per answer.
 *
 * <p>Text is held back only while it might still be a reference: from an unclosed {@code [} (for
 * at most {@value #MAX_REFERENCE_CHARS} characters) and trailing blanks.
 */
public final class CitationFilter {

  /** The longest bracketed text considered as a possible reference. */
  public static final int MAX_REFERENCE_CHARS = 64;

  private static final Pattern REFERENCE = Pattern.compile(
      "\\[\\s*(?i:sources?)\\s*(\\d+(?:\\s*(?:,|;|&|and|-|–)\\s*(?:(?i:sources?)\\s*)?\\d+)*)\\s*]");
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  private final int sources;
  private final StringBuilder pending = new StringBuilder();

  /** @param sources how many sources the answer may cite (0 = none) */
  public CitationFilter(int sources) {
    if (sources < 0) {
      throw new IllegalArgumentException("sources must be >= 0; got " + sources);
    }
    this.sources = sources;
  }

  /** Repairs a whole answer at once. */
  public static String repair(String text, int sources) {
    CitationFilter f = new CitationFilter(sources);
    return f.accept(text) + f.finish();
  }

  /** The valid source numbers cited in a text, in order of first appearance. */
  public static List<Integer> cited(String text) {
    List<Integer> out = new ArrayList<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      Matcher n = NUMBER.matcher(m.group(1));
      while (n.find()) {
        int v = Integer.parseInt(n.group());
        if (!out.contains(v)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  /** Takes the next fragment; returns the text that is now safe to emit (possibly empty). */
  public String accept(String fragment) {
    pending.append(fragment);
    return drain(false);
  }

  /** Ends the answer; returns whatever was held back. */
  public String finish() {
    return drain(true);
  }

  private String drain(boolean last) {
    StringBuilder out = new StringBuilder();
    while (!pending.isEmpty()) {
      int open = pending.indexOf("[");
      if (open < 0) {
        int keep = last ? pending.length() : trailingBlankStart(pending, pending.length());
        out.append(pending, 0, keep);
        pending.delete(0, keep);
        break;
      }
      int close = pending.indexOf("]", open);
      if (close < 0) {
        if (!last && pending.length() - open < MAX_REFERENCE_CHARS) {
          int keep = trailingBlankStart(pending, open);
          out.append(pending, 0, keep);
          pending.delete(0, keep);
          break;
        }
        out.append(pending, 0, open + 1);
        pending.delete(0, open + 1);
        continue;
      }
      Matcher m = REFERENCE.matcher(pending).region(open, close + 1);
      if (!m.matches()) {
        out.append(pending, 0, open + 1);
        pending.delete(0, open + 1);
        continue;
      }
      String replacement = canonical(m.group(1));
      int prefixEnd = replacement.isEmpty() ? trailingBlankStart(pending, open) : open;
      out.append(pending, 0, prefixEnd).append(replacement);
      pending.delete(0, close + 1);
    }
    return out.toString();
  }

  private String canonical(String numbers) {
    List<String> refs = new ArrayList<>();
    Matcher n = NUMBER.matcher(numbers);
    while (n.find()) {
      String digits = n.group();
      if (digits.length() > 4) {
        continue;
      }
      int v = Integer.parseInt(digits);
      String ref = "[Source " + v + "]";
      if (v >= 1 && v <= sources && !refs.contains(ref)) {
        refs.add(ref);
      }
    }
    return String.join(" ", refs);
  }

  private static int trailingBlankStart(CharSequence s, int end) {
    int i = end;
    while (i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
      i--;
    }
    return i;
  }
}
