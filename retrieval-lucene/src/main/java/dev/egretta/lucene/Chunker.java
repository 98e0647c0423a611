package dev.egretta.lucene;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts page texts into passages of about {@code targetTokens} model tokens along sentence and
 * paragraph boundaries, with an overlap of whole sentences. A sentence longer than the target is
 * the only thing ever cut, between words. Chunks may span pages and know their exact page range
 * and character offsets. A page break ends a chunk unless the chunk is still very short, so most
 * chunks lie on one page. Thread-safe.
 */
final class Chunker {
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n\\s*");
  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern NUMBERED =
      Pattern.compile("^(\\d+(\\.\\d+)*\\.?|[A-Z]\\.|[IVX]+\\.|(section|chapter|part|appendix|article|annex)\\s+\\S+)\\s+.*",
          Pattern.CASE_INSENSITIVE);

  private final TokenCounter counter;
  private final int targetTokens;
  private final int overlapTokens;

  Chunker(TokenCounter counter, int targetTokens, int overlapTokens) {
    this.counter = counter;
    this.targetTokens = targetTokens;
    this.overlapTokens = overlapTokens;
  }

  /** A sentence (or heading, or piece of an over-long sentence) located in a page. */
  private record Unit(String text, int page, int start, int end, int tokens, boolean heading, boolean paragraphStart) {}

  /** A chunk closes at a page break once it holds this many tokens, so that pages stay exact. */
  private int pageBreakTokens() {
    return Math.max(16, targetTokens / 8);
  }

  List<Chunk> chunk(List<String> pages) {
    return chunk(pages, false);
  }

  /** @param pagesApart every page break ends a chunk (slides: a short slide is still cited by its own number) */
  List<Chunk> chunk(List<String> pages, boolean pagesApart) {
    List<Unit> units = new ArrayList<>();
    for (int p = 0; p < pages.size(); p++) {
      addUnits(pages.get(p), p + 1, units);
    }
    return assemble(units, pagesApart ? 1 : pageBreakTokens());
  }

  private void addUnits(String page, int pageNumber, List<Unit> out) {
    Matcher breaks = PARAGRAPH_BREAK.matcher(page);
    int start = 0;
    while (start < page.length()) {
      int end = page.length();
      int next = page.length();
      if (breaks.find(start)) {
        end = breaks.start();
        next = breaks.end();
      }
      addParagraph(page, pageNumber, start, end, out);
      start = next;
    }
  }

  private void addParagraph(String page, int pageNumber, int from, int to, List<Unit> out) {
    String raw = page.substring(from, to);
    if (raw.isBlank()) {
      return;
    }
    if (isHeading(raw)) {
      int lead = raw.length() - raw.stripLeading().length();
      String text = normalise(raw);
      out.add(new Unit(text, pageNumber, from + lead, from + raw.stripTrailing().length(), counter.count(text), true, true));
      return;
    }
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    sentences.setText(raw.replace('\n', ' ').replace('\r', ' '));
    boolean first = true;
    for (int s = sentences.first(), e = sentences.next(); e != BreakIterator.DONE; s = e, e = sentences.next()) {
      String piece = raw.substring(s, e);
      if (piece.isBlank()) {
        continue;
      }
      int lead = piece.length() - piece.stripLeading().length();
      int begin = from + s + lead;
      int end = from + s + piece.stripTrailing().length();
      String text = normalise(piece);
      int tokens = counter.count(text);
      if (tokens > targetTokens) {
        splitLong(page, pageNumber, begin, end, tokens, first, out);
      } else {
        out.add(new Unit(text, pageNumber, begin, end, tokens, false, first));
      }
      first = false;
    }
  }

  private void splitLong(String page, int pageNumber, int from, int to, int tokens, boolean paragraphStart, List<Unit> out) {
    List<int[]> words = new ArrayList<>();
    Matcher m = WORD.matcher(page).region(from, to);
    while (m.find()) {
      words.add(new int[] {m.start(), m.end()});
    }
    int perPiece = Math.max(1, (int) ((long) words.size() * targetTokens * 9 / 10 / Math.max(1, tokens)));
    for (int i = 0; i < words.size(); i += perPiece) {
      int last = Math.min(words.size(), i + perPiece) - 1;
      int begin = words.get(i)[0];
      int end = words.get(last)[1];
      String text = normalise(page.substring(begin, end));
      out.add(new Unit(text, pageNumber, begin, end, counter.count(text), false, paragraphStart && i == 0));
    }
  }

  private List<Chunk> assemble(List<Unit> units, int pageBreakTokens) {
    List<Chunk> chunks = new ArrayList<>();
    List<Unit> current = new ArrayList<>();
    int currentTokens = 0;
    String heading = "";
    String chunkHeading = "";
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      boolean close = false;
      boolean overlap = true;
      if (!current.isEmpty()) {
        if (u.page() != current.get(current.size() - 1).page() && currentTokens >= pageBreakTokens) {
          close = true;
          overlap = false;
        } else if (u.heading() && currentTokens >= targetTokens / 3) {
          close = true;
          overlap = false;
        } else if (u.paragraphStart() && currentTokens >= targetTokens / 2
            && currentTokens + paragraphTokens(units, i) > targetTokens) {
          close = true;
          overlap = false;
        } else if (currentTokens + u.tokens() > targetTokens) {
          close = true;
        }
      }
      if (close) {
        chunks.add(toChunk(chunks.size(), current, chunkHeading));
        List<Unit> carried = overlap ? overlapOf(current) : List.of();
        current = new ArrayList<>(carried);
        currentTokens = carried.stream().mapToInt(Unit::tokens).sum();
        chunkHeading = heading;
      }
      if (u.heading()) {
        heading = u.text();
      }
      if (current.isEmpty()) {
        chunkHeading = heading;
      }
      current.add(u);
      currentTokens += u.tokens();
    }
    if (!current.isEmpty() && !(current.size() == 1 && current.get(0).heading() && !chunks.isEmpty())) {
      chunks.add(toChunk(chunks.size(), current, chunkHeading));
    }
    return chunks;
  }

  private static int paragraphTokens(List<Unit> units, int from) {
    int sum = units.get(from).tokens();
    for (int i = from + 1; i < units.size() && !units.get(i).paragraphStart(); i++) {
      sum += units.get(i).tokens();
    }
    return sum;
  }

  private List<Unit> overlapOf(List<Unit> closed) {
    List<Unit> tail = new ArrayList<>();
    int tokens = 0;
    for (int i = closed.size() - 1; i > 0; i--) {
      Unit u = closed.get(i);
      if (u.heading() || tokens + u.tokens() > overlapTokens) {
        break;
      }
      tail.add(0, u);
      tokens += u.tokens();
    }
    return tail;
  }

  private static Chunk toChunk(int ordinal, List<Unit> units, String heading) {
    StringBuilder text = new StringBuilder();
    int tokens = 0;
    Unit first = units.get(0);
    Unit last = units.get(units.size() - 1);
    // Where each page begins in the text, so that a source cites the page its evidence is on.
    List<Integer> pageStarts = new ArrayList<>();
    for (Unit u : units) {
      if (!text.isEmpty()) {
        text.append(u.paragraphStart() ? "\n" : " ");
      }
      while (first.page() != last.page() && first.page() + pageStarts.size() <= u.page()) {
        pageStarts.add(text.length());
      }
      text.append(u.text());
      tokens += u.tokens();
    }
    return new Chunk(ordinal, text.toString(), first.page(), last.page(), first.start(), last.end(), heading, tokens,
        pageStarts);
  }

  static boolean isHeading(String paragraph) {
    String s = paragraph.strip();
    if (s.length() < 3 || s.length() > 100 || s.indexOf('\n') >= 0) {
      return false;
    }
    char lastChar = s.charAt(s.length() - 1);
    if (".,;!?".indexOf(lastChar) >= 0 || s.chars().noneMatch(Character::isLetter)) {
      return false;
    }
    String[] words = s.split("\\s+");
    if (words.length > 14) {
      return false;
    }
    if (NUMBERED.matcher(s).matches() || s.equals(s.toUpperCase(Locale.ROOT))) {
      return true;
    }
    int capitalised = 0;
    int significant = 0;
    for (String w : words) {
      if (w.length() > 3) {
        significant++;
        if (Character.isUpperCase(w.charAt(0))) {
          capitalised++;
        }
      }
    }
    return significant > 0 && capitalised * 10 >= significant * 7;
  }

  static String normalise(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }
}
