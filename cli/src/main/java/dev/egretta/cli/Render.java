package dev.egretta.cli;

import dev.egretta.api.Message;
import dev.egretta.api.ModelInfo;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.SessionSummary;
import dev.egretta.api.Source;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How results look on a terminal: Markdown as written, then tables. JSON output does not come here. */
final class Render {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private Render() {}

  /** The answer's Markdown, then its sources as a table (file, page, score, relevance). */
  static String answer(QueryResponse response) {
    return response.response().strip() + "\n\n" + afterAnswer(response);
  }

  /** What follows the answer's text: the sources table and, when it applies, the insufficient-context note. */
  static String afterAnswer(QueryResponse response) {
    StringBuilder sb = new StringBuilder();
    if (response.sources().isEmpty()) {
      sb.append("(no sources)\n");
    } else {
      sb.append(sources(response.sources()));
    }
    if (response.contextQuality() != null && response.contextQuality().insufficientContext()) {
      sb.append("\nNote: the knowledge base did not hold enough relevant material to answer confidently")
          .append(response.sources().isEmpty() ? ".\n" : "; the sources above are the closest passages found, none cited.\n");
    }
    return sb.toString();
  }

  static String sources(List<Source> sources) {
    Table table = Table.of("#", "file", "page", "score", "relevance").right(0, 2, 3).limit(1, 48);
    int n = 1;
    for (Source s : sources) {
      table.row("[" + n++ + "]", s.filename(), s.pageNumber() == null ? "-" : s.pageNumber(),
          String.format(Locale.ROOT, "%.2f", s.score()), s.relevance() == null ? "" : s.relevance().label());
    }
    return table.render();
  }

  static String sessions(List<SessionSummary> sessions) {
    if (sessions.isEmpty()) {
      return "No sessions yet: ask a question with 'egretta ask' to start one.\n";
    }
    Table table = Table.of("session", "title", "domain", "category", "messages", "last activity (UTC)")
        .right(4).limit(1, 40);
    for (SessionSummary s : sessions) {
      table.row(s.sessionId(), s.title(), s.domainSlug(), s.categoryCode(), s.messageCount(), when(s.lastActivityAt()));
    }
    return table.render();
  }

  static String messages(List<Message> messages) {
    if (messages.isEmpty()) {
      return "This session has no messages.\n";
    }
    StringBuilder sb = new StringBuilder();
    for (Message m : messages) {
      sb.append("## ").append(m.sender() == dev.egretta.api.Sender.USER ? "You" : "Egretta")
          .append(" (").append(when(m.createdAt())).append(" UTC)\n\n")
          .append(m.content().strip()).append("\n\n");
      if (!m.sources().isEmpty()) {
        sb.append(sources(m.sources())).append('\n');
      }
    }
    return sb.toString();
  }

  static String models(List<ModelInfo> models) {
    Table table = Table.of("model", "name", "tier", "credits", "streaming", "default").right(3).limit(0, 64);
    for (ModelInfo m : models) {
      table.row(m.modelId(), m.name(), m.tier(), String.format(Locale.ROOT, "%.2f", m.creditCost()),
          m.supportsStreaming() ? "yes" : "no", m.isDefault() ? "*" : "");
    }
    return table.render();
  }

  private static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }
}
