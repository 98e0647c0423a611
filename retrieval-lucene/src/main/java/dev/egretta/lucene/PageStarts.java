package dev.egretta.lucene;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The stored form of a chunk's page starts: offsets separated by spaces ("0 412 977"). */
public final class PageStarts {
  private PageStarts() {}

  /** The stored form of {@code starts}. */
  public static String format(List<Integer> starts) {
    return starts.stream().map(String::valueOf).collect(Collectors.joining(" "));
  }

  /** The offsets of a stored value; empty for null or blank (chunks on one page, indexes built before). */
  public static List<Integer> parse(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    List<Integer> starts = new ArrayList<>();
    for (String s : stored.trim().split(" +")) {
      starts.add(Integer.parseInt(s));
    }
    return List.copyOf(starts);
  }
}
