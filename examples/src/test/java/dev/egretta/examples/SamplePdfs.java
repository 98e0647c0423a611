package dev.egretta.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Writes a small two-page continuity plan as a real PDF, filed as business-continuity/pdf/us/. */
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
  static Path write(Path root) throws IOException {
    Path file = Files.createDirectories(root.resolve("business-continuity/pdf/us")).resolve("continuity-plan.pdf");
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (List<String> lines : PAGES) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 10);
          cs.newLineAtOffset(50, 740);
          for (String line : lines) {
            cs.showText(line);
            cs.newLineAtOffset(0, -16);
          }
          cs.endText();
        }
      }
      doc.save(file.toFile());
    }
    return root;
  }
}
