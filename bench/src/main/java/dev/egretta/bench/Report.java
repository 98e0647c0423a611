package dev.egretta.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one bench run, rendered as Markdown: machine, sections of tables, targets, failures. */
public final class Report {
  /** One table with an optional text before and notes after it. */
  public record Section(String title, String intro, List<String> header, List<List<String>> rows, List<String> notes) {}

  /** A target of the issues, what was measured, and whether it was met. */
  public record Target(String target, String measured, String verdict) {}

  private final String command;
  private final Map<String, String> machine;
  private final List<Section> sections = new ArrayList<>();
  private final List<Target> targets = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private final Map<String, String> plots = new LinkedHashMap<>();

  public Report(String command, Map<String, String> machine) {
    this.command = command;
    this.machine = machine;
  }

  /** Adds a section, or replaces the one with the same title (steps that report as they go). */
  public void add(Section section) {
    for (int i = 0; i < sections.size(); i++) {
      if (sections.get(i).title().equals(section.title())) {
        sections.set(i, section);
        return;
      }
    }
    sections.add(section);
  }

  /** Records a target's verdict, replacing an earlier verdict of the same target. */
  public void target(String target, double measured, double limit, boolean atMost, String unit, String how) {
    targets.removeIf(t -> t.target().equals(target));
    String verdict;
    if (Double.isNaN(measured)) {
      verdict = "not measured";
    } else if (atMost ? measured <= limit : measured >= limit) {
      verdict = "met";
    } else {
      double by = atMost ? measured / limit : limit / measured;
      verdict = String.format("missed (%.2fx the limit)", by);
    }
    targets.add(new Target(target, (Double.isNaN(measured) ? "-" : fmt(measured) + unit) + (how.isEmpty() ? "" : " (" + how + ")"), verdict));
  }

  public void note(String note) {
    notes.add(note);
  }

  public void failure(String step, Throwable e) {
    failures.add(step + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  public void plot(String caption, String file) {
    plots.put(caption, file);
  }

  public List<String> failures() {
    return failures;
  }

  public String toMarkdown() {
    return toMarkdown(List.of());
  }

  /** The Markdown, with {@code leadingNotes} first among the notes. */
  public String toMarkdown(List<String> leadingNotes) {
    List<String> allNotes = new ArrayList<>(leadingNotes);
    allNotes.addAll(notes);
    StringBuilder md = new StringBuilder();
    md.append("# Egretta benchmark results\n\n");
    md.append("Produced by `").append(command).append("` (see `bench/README.md`). All figures come from one run on one machine; ")
        .append("each side ran in its own child JVM. Ratios compare figures measured in this same run.\n\n");
    md.append("## Machine\n\n| | |\n|---|---|\n");
    machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(escape(v)).append(" |\n"));
    md.append('\n');
    if (!targets.isEmpty()) {
      md.append("## Targets\n\n| target | measured | verdict |\n|---|---|---|\n");
      for (Target t : targets) {
        md.append("| ").append(escape(t.target())).append(" | ").append(escape(t.measured())).append(" | ")
            .append(t.verdict()).append(" |\n");
      }
      md.append('\n');
    }
    for (Section s : sections) {
      md.append("## ").append(s.title()).append("\n\n");
      if (!s.intro().isEmpty()) {
        md.append(s.intro()).append("\n\n");
      }
      if (!s.header().isEmpty()) {
        md.append("| ").append(String.join(" | ", s.header())).append(" |\n|");
        md.append("---|".repeat(s.header().size())).append('\n');
        for (List<String> row : s.rows()) {
          md.append("| ").append(String.join(" | ", row.stream().map(Report::escape).toList())).append(" |\n");
        }
        md.append('\n');
      }
      for (String n : s.notes()) {
        md.append("- ").append(n).append('\n');
      }
      if (!s.notes().isEmpty()) {
        md.append('\n');
      }
    }
    plots.forEach((caption, file) -> md.append("![").append(caption).append("](").append(file).append(")\n\n"));
    if (!allNotes.isEmpty()) {
      md.append("## Notes\n\n");
      allNotes.forEach(n -> md.append("- ").append(n).append('\n'));
      md.append('\n');
    }
    if (!failures.isEmpty()) {
      md.append("## Steps that failed\n\n");
      failures.forEach(f -> md.append("- ").append(escape(f)).append('\n'));
      md.append('\n');
    }
    return md.toString();
  }

  /** A number with a sensible number of digits. */
  public static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format("%,.0f", v);
    }
    if (a >= 100) {
      return String.format("%.0f", v);
    }
    if (a >= 10) {
      return String.format("%.1f", v);
    }
    if (a >= 1) {
      return String.format("%.2f", v);
    }
    return String.format("%.3f", v);
  }

  public static String mb(double bytes) {
    return Double.isNaN(bytes) || bytes < 0 ? "-" : fmt(bytes / 1048576.0);
  }

  private static String escape(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
