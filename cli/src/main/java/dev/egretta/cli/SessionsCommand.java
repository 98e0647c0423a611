package dev.egretta.cli;

import dev.egretta.api.DeleteResponse;
import dev.egretta.api.RenameResponse;
import dev.egretta.api.RequestValidator;
import dev.egretta.api.SessionSummary;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code egretta sessions}: recent sessions (the default), and a session's messages, rename and delete. */
@Command(name = "sessions", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"List the organisation's recent sessions (newest first), or work on one with a subcommand.",
        "Sessions are kept in a durable store beside the index and persist between runs."},
    subcommands = {SessionsCommand.Recent.class, SessionsCommand.Messages.class, SessionsCommand.Rename.class,
        SessionsCommand.Delete.class})
final class SessionsCommand extends OnSessions {
  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many sessions (1-100, default 10).")
  int limit;

  SessionsCommand(Context context) {
    super(context);
  }

  @Override
  public Integer call() {
    return recent(context, index, org, json, limit);
  }

  static int recent(Context context, IndexOption index, OrgOption org, JsonOption json, int limit) {
    if (limit < 1 || limit > RequestValidator.MAX_RECENT_LIMIT) {
      throw new UsageException("--limit must be between 1 and " + RequestValidator.MAX_RECENT_LIMIT + "; got " + limit);
    }
    try (OpenEngine open = OpenEngine.forSessions(context, index)) {
      List<SessionSummary> sessions = open.engine().recentSessions(org.org, limit);
      if (json.json) {
        context.printJson(sessions);
      } else {
        context.print(Render.sessions(sessions));
        context.out().flush();
      }
    }
    return Egretta.OK;
  }

  static UUID sessionId(String value) {
    return RequestValidator.parseSessionId(value).orElseThrow(() -> new UsageException(
        "a session id is a UUID like 53c719f0-4520-45e7-8406-3074c40bf9ce; got '" + value + "'"));
  }

  /** {@code egretta sessions recent}. */
  @Command(name = "recent", mixinStandardHelpOptions = true, description = "List recent sessions, newest first.")
  static final class Recent extends OnSessions {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many sessions (1-100, default 10).")
    int limit;

    Recent(Context context) {
      super(context);
    }

    @Override
    public Integer call() {
      return recent(context, index, org, json, limit);
    }
  }

  /** {@code egretta sessions messages ID}. */
  @Command(name = "messages", mixinStandardHelpOptions = true,
      description = "Print a session's messages, oldest first (--json: Egret's messages list).")
  static final class Messages extends OnSessions {
    @Parameters(paramLabel = "SESSION_ID") String id;

    Messages(Context context) {
      super(context);
    }

    @Override
    public Integer call() {
      UUID session = sessionId(id);
      try (OpenEngine open = OpenEngine.forSessions(context, index)) {
        var messages = open.engine().messages(org.org, session);
        if (json.json) {
          context.printJson(messages);
        } else {
          context.print(Render.messages(messages));
          context.out().flush();
        }
      }
      return Egretta.OK;
    }
  }

  /** {@code egretta sessions rename ID TITLE}. */
  @Command(name = "rename", mixinStandardHelpOptions = true, description = "Give a session a new title (1-200 characters).")
  static final class Rename extends OnSessions {
    @Parameters(index = "0", paramLabel = "SESSION_ID") String id;
    @Parameters(index = "1", paramLabel = "TITLE") String title;

    Rename(Context context) {
      super(context);
    }

    @Override
    public Integer call() {
      UUID session = sessionId(id);
      try (OpenEngine open = OpenEngine.forSessions(context, index)) {
        RenameResponse renamed = open.engine().rename(org.org, session, title);
        if (json.json) {
          context.printJson(renamed);
        } else {
          context.println("Renamed session " + renamed.sessionId() + " to \"" + renamed.title() + "\"");
        }
      }
      return Egretta.OK;
    }
  }

  /** {@code egretta sessions delete ID}. */
  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a session and its messages.")
  static final class Delete extends OnSessions {
    @Parameters(paramLabel = "SESSION_ID") String id;

    Delete(Context context) {
      super(context);
    }

    @Override
    public Integer call() {
      UUID session = sessionId(id);
      try (OpenEngine open = OpenEngine.forSessions(context, index)) {
        open.engine().deleteSession(org.org, session);
      }
      if (json.json) {
        context.printJson(DeleteResponse.SESSION_DELETED);
      } else {
        context.println("Deleted session " + session);
      }
      return Egretta.OK;
    }
  }
}
