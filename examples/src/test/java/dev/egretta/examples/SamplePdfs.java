package dev.egretta.examples;

import dev.egretta.testsupport.TestPdfs;
import java.nio.file.Path;
import java.util.List;

/** The examples' sample document: a two-page continuity plan, one line per string, filed as business-continuity/pdf/us/. */
final class SamplePdfs {
  private SamplePdfs() {}

  private static final List<String> TEAMS = List.of("Facilities", "Human Resources", "Treasury", "Retail Banking",
      "Lending", "Procurement", "Legal", "Communications", "Internal Audit", "Compliance", "Marketing", "Security");

  /** Page 1: the plan's governance, long enough that page 2 starts its own passage. */
  private static List<String> governance() {
    List<String> lines = new java.util.ArrayList<>(List.of("Continuity Plan",
        "This plan describes how the company keeps its critical business functions running.",
        "The Crisis Management Team decides whether to activate this plan."));
    for (String team : TEAMS) {
      lines.add("The " + team + " team names a continuity coordinator and keeps its contact list current.");
      lines.add("The " + team + " coordinator reviews the team's procedures with its manager once a year.");
      lines.add("Changes to the " + team + " procedures are recorded in the plan's change log.");
    }
    return lines;
  }

  static final List<List<String>> PAGES = List.of(
      governance(),
      List.of("Recovery objectives",
          "Payment processing has a recovery time objective of 4 hours and a recovery point objective of 15 minutes.",
          "Online and mobile banking has a recovery time objective of 8 hours and a recovery point objective of 1 hour.",
          "The general ledger has a recovery time objective of 48 hours."));

  /** Writes the plan under {@code root} and returns the folder to index ({@code root}). */
  static Path write(Path root) {
    TestPdfs.write(root.resolve("business-continuity/pdf/us/continuity-plan.pdf"),
        PAGES.stream().map(lines -> String.join("\n", lines)).toList());
    return root;
  }
}
