package dev.egretta.core.session;

import dev.egretta.api.SessionSummary;
import dev.egretta.core.Organisation;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A conversation of one organisation, scoped to one domain and category. Display names are kept
 * as they were when the session started, so a session reads the same after the catalog changes.
 *
 * @param title 1..200 characters
 * @param messageCount how many messages (user and assistant) the session holds
 */
public record SessionRecord(
    UUID id,
    Organisation organisation,
    String title,
    String domainSlug,
    String domainName,
    String categoryCode,
    String categoryName,
    Instant createdAt,
    Instant lastActivityAt,
    int messageCount) {

  /** The longest title, in characters. */
  public static final int MAX_TITLE_CHARS = 200;

  public SessionRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(domainSlug, "domainSlug");
    Objects.requireNonNull(domainName, "domainName");
    Objects.requireNonNull(categoryCode, "categoryCode");
    Objects.requireNonNull(categoryName, "categoryName");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastActivityAt, "lastActivityAt");
    if (title.isBlank() || title.length() > MAX_TITLE_CHARS) {
      throw new IllegalArgumentException("a session title must be 1.." + MAX_TITLE_CHARS + " non-blank characters; got "
          + title.length());
    }
    if (messageCount < 0) {
      throw new IllegalArgumentException("messageCount must be >= 0; got " + messageCount);
    }
  }

  /** A title made from a question: whitespace collapsed, cut to {@value #MAX_TITLE_CHARS} characters. */
  public static String titleOf(String question) {
    String t = question.strip().replaceAll("\\s+", " ");
    return t.length() <= MAX_TITLE_CHARS ? t : t.substring(0, MAX_TITLE_CHARS).strip();
  }

  /** This session with another title. */
  public SessionRecord withTitle(String newTitle) {
    return new SessionRecord(id, organisation, newTitle, domainSlug, domainName, categoryCode, categoryName,
        createdAt, lastActivityAt, messageCount);
  }

  /** This session after {@code added} more messages, the last at {@code at}. */
  public SessionRecord touched(int added, Instant at) {
    Instant last = at.isAfter(lastActivityAt) ? at : lastActivityAt;
    return new SessionRecord(id, organisation, title, domainSlug, domainName, categoryCode, categoryName,
        createdAt, last, messageCount + added);
  }

  /** The session as Egret's recent-sessions list shows it. */
  public SessionSummary toSummary() {
    return new SessionSummary(id.toString(), title, domainSlug, domainName, categoryName, categoryCode,
        createdAt, lastActivityAt, messageCount);
  }
}
