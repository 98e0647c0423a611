package dev.egretta.cli;

import dev.egretta.api.Mode;
import dev.egretta.api.Sender;
import dev.egretta.core.Organisation;
import dev.egretta.core.session.JdbcSessionStore;
import dev.egretta.core.session.NewMessage;
import dev.egretta.core.session.SessionRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Child JVM of {@link SessionStoreCrashTest}: writes to the CLI's SQLite session store as a
 * stream of {@code egretta ask} runs would, as fast as it can: open the store, create a session,
 * append two question/answer turns, close; printing {@code ack <session> <turn>} once each append
 * has returned (acknowledged). A failure
 * prints {@code error ...} and exits 3. Arguments: the database file, the writer's name, the
 * number of turns (0: until killed).
 */
public final class SessionWriterChild {
  private SessionWriterChild() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    String writer = args[1];
    int turns = Integer.parseInt(args[2]);
    Organisation org = Organisation.of(writer);
    try {
      for (int turn = 0; turns == 0 || turn < turns; turn += 2) {
        // As one 'egretta ask' run: open the store, start a session, answer two turns, close.
        try (JdbcSessionStore store = JdbcSessionStore.sqlite(file)) {
          Instant now = Instant.now();
          UUID session = UUID.randomUUID();
          store.create(new SessionRecord(session, org, "writer " + writer + " turn " + turn, "business-continuity",
              "Business continuity", "us", "US", now, now, 0));
          for (int t = turn; t < turn + 2; t++) {
            Instant at = Instant.now();
            store.append(org, session, List.of(NewMessage.user(content(writer, t, "q"), "egretta-extractive", at),
                new NewMessage(Sender.ASSISTANT, content(writer, t, "a"), "egretta-extractive", Mode.COMPLIANCE,
                    List.of(), 3, 5, null, at)));
            System.out.println("ack " + session + " " + t);
            System.out.flush();
          }
        }
      }
    } catch (RuntimeException e) {
      System.out.println("error " + e);
      System.out.flush();
      System.exit(3);
    }
    System.out.println("done");
  }

  /** The content of a turn's message: the parent recomputes it to check what was stored. */
  static String content(String writer, int turn, String side) {
    return writer + " " + side + " " + turn + " " + "payload ".repeat(20);
  }
}
