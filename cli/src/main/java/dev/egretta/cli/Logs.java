package dev.egretta.cli;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Logging of the command line. Everything logs through java.util.logging (Egretta's System.Logger,
 * Lucene, PDFBox, and SLF4J users through slf4j-jdk14). A person running a command wants results and
 * errors, not library chatter: only warnings reach standard error, as one line each, and the
 * parsers' notes about damaged PDFs (already reported as rejections) not even those.
 */
final class Logs {
  /** Held so that the loggers keep their level: JUL holds loggers weakly. */
  private static final List<Logger> CONFIGURED = new java.util.ArrayList<>();

  private Logs() {}

  static synchronized void configure() {
    if (!CONFIGURED.isEmpty()) {
      return;
    }
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
    }
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    CONFIGURED.add(root);
    // Lucene's vectorization note ("C2 compiler is disabled") follows from the launcher running one-off
    // commands with C1 only, on purpose: nothing for the user to act on.
    Stream.of("org.apache.pdfbox", "org.apache.fontbox", "org.apache.tika", "ai.onnxruntime", "ai.djl",
            "org.apache.lucene.internal.vectorization")
        .map(Logger::getLogger)
        .forEach(l -> {
          l.setLevel(Level.SEVERE);
          CONFIGURED.add(l);
        });
  }

  /** For {@code serve}: Egretta's own notes (startup, shutdown) at INFO. */
  static synchronized void serverNotes() {
    Logger egretta = Logger.getLogger("dev.egretta");
    egretta.setLevel(Level.INFO);
    CONFIGURED.add(egretta);
  }
}
