package dev.egretta.lucene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes running headers and footers: lines at the top or bottom of a page that repeat (digits
 * ignored) on many pages, and bare page numbers such as "Page 2 of 200" or "- 7 -". A document
 * that would be left without any text keeps its pages as they were.
 */
final class BoilerplateRemover {
  private static final int EDGE_LINES = 3;
  private static final Pattern PAGE_NUMBER =
      Pattern.compile("^(page\\s*)?#+(\\s*(of|/)\\s*#+)?$|^-\\s*#+\\s*-$|^[ivxlc]+$");

  private BoilerplateRemover() {}

  static List<String> clean(List<String> pages) {
    List<String[]> lines = new ArrayList<>(pages.size());
    Map<String, Integer> pagesWithKey = new HashMap<>();
    int nonBlankPages = 0;
    for (String page : pages) {
      String[] pageLines = page.split("\n", -1);
      lines.add(pageLines);
      if (page.isBlank()) {
        continue;
      }
      nonBlankPages++;
      Set<String> seen = new HashSet<>();
      for (int i : edgeLineIndexes(pageLines)) {
        String key = key(pageLines[i]);
        if (!key.isEmpty() && seen.add(key)) {
          pagesWithKey.merge(key, 1, Integer::sum);
        }
      }
    }
    int threshold = Math.max(3, (int) Math.ceil(nonBlankPages * 0.4));
    List<String> cleaned = new ArrayList<>(pages.size());
    for (String[] pageLines : lines) {
      for (int i : edgeLineIndexes(pageLines)) {
        String key = key(pageLines[i]);
        if (PAGE_NUMBER.matcher(key).matches() || pagesWithKey.getOrDefault(key, 0) >= threshold) {
          pageLines[i] = "";
        }
      }
      cleaned.add(String.join("\n", pageLines).strip());
    }
    // a document made only of "repeated" lines (e.g. "This is page 3") keeps them: they are its content
    return cleaned.stream().allMatch(String::isBlank) ? pages : cleaned;
  }

  private static List<Integer> edgeLineIndexes(String[] pageLines) {
    List<Integer> top = new ArrayList<>();
    for (int i = 0; i < pageLines.length && top.size() < EDGE_LINES; i++) {
      if (!pageLines[i].isBlank()) {
        top.add(i);
      }
    }
    List<Integer> edges = new ArrayList<>(top);
    int found = 0;
    for (int i = pageLines.length - 1; i >= 0 && found < EDGE_LINES; i--) {
      if (!pageLines[i].isBlank()) {
        found++;
        if (!edges.contains(i)) {
          edges.add(i);
        }
      }
    }
    return edges;
  }

  static String key(String line) {
    return line.strip().toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ");
  }
}
