package dev.egretta.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for terminals: a header, a rule and left-aligned columns (right-aligned where
 * asked, for numbers). Cells are single lines; longer cells are cut with an ellipsis at the column's limit.
 */
final class Table {
  private final String[] headers;
  private final boolean[] rightAligned;
  private final int[] limits;
  private final List<String[]> rows = new ArrayList<>();

  private Table(String[] headers) {
    this.headers = headers.clone();
    this.rightAligned = new boolean[headers.length];
    this.limits = new int[headers.length];
    Arrays.fill(limits, 60);
  }

  static Table of(String... headers) {
    if (headers.length == 0) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    return new Table(headers);
  }

  /** Right-aligns the given columns (0-based). */
  Table right(int... columns) {
    for (int c : columns) {
      rightAligned[c] = true;
    }
    return this;
  }

  /** Cuts the given column's cells at {@code width} characters. */
  Table limit(int column, int width) {
    if (width < 4) {
      throw new IllegalArgumentException("a column limit must be at least 4; got " + width);
    }
    limits[column] = width;
    return this;
  }

  Table row(Object... cells) {
    if (cells.length != headers.length) {
      throw new IllegalArgumentException("a row needs " + headers.length + " cells; got " + cells.length);
    }
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      row[i] = cut(oneLine(cells[i] == null ? "" : String.valueOf(cells[i])), limits[i]);
    }
    rows.add(row);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String render() {
    int[] widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      widths[i] = headers[i].length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, headers, widths);
    String[] rule = new String[headers.length];
    for (int i = 0; i < rule.length; i++) {
      rule[i] = "-".repeat(widths[i]);
    }
    line(sb, rule, widths);
    for (String[] row : rows) {
      line(sb, row, widths);
    }
    return sb.toString();
  }

  private void line(StringBuilder sb, String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        line.append("  ");
      }
      String pad = " ".repeat(widths[i] - cells[i].length());
      line.append(rightAligned[i] ? pad + cells[i] : cells[i] + (i == cells.length - 1 ? "" : pad));
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static String cut(String s, int limit) {
    return s.length() <= limit ? s : s.substring(0, limit - 3) + "...";
  }
}
