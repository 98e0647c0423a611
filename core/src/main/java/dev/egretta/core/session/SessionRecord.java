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
    title = cleanTitle(Objects.requireNonNull(title, "title")); // rows stored before titles were cleaned too
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

  /** A title made from a question: cleaned (see {@link #cleanTitle}), cut to {@value #MAX_TITLE_CHARS} characters. */
  public static String titleOf(String question) {
    String t = cleanTitle(question);
    return t.length() <= MAX_TITLE_CHARS ? t : t.substring(0, MAX_TITLE_CHARS).strip();
  }

  /**
   * A title fit for display: control characters (NUL, ESC...), format characters (bidi overrides and
   * isolates, zero-width marks, BOM) and lone surrogates are removed, line breaks and tabs become
   * spaces, runs of whitespace collapse to one, and the ends are trimmed. Titles are shown in UIs,
   * where such characters hide or reorder text.
   */
  public static String cleanTitle(String title) {
    StringBuilder out = new StringBuilder(title.length());
    title.codePoints().forEach(c -> {
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        out.append(' ');
      } else {
        int type = Character.getType(c);
        if (type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
            && type != Character.UNASSIGNED && type != Character.PRIVATE_USE) {
          out.appendCodePoint(c);
        }
      }
    });
    return out.toString().replaceAll(" {2,}", " ").strip();
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
