package dev.egretta.server;

import dev.egretta.api.Category;
import dev.egretta.api.Domain;
import dev.egretta.api.Message;
import dev.egretta.api.ModelInfo;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.RenameResponse;
import dev.egretta.api.SessionSummary;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.Cancellable;
import dev.egretta.core.Engine;
import dev.egretta.core.Organisation;
import dev.egretta.core.StreamListener;
import java.util.List;
import java.util.UUID;

/** The server's engine with {@link ModelAliases} applied to every query, blocking or streamed. */
final class AliasingEngine implements Engine {
  private final Engine engine;
  private final ModelAliases aliases;

  AliasingEngine(Engine engine, ModelAliases aliases) {
    this.engine = engine;
    this.aliases = aliases;
  }

  @Override
  public QueryResponse query(ValidatedQuery query, Organisation caller) {
    return engine.query(aliases.apply(query), caller);
  }

  @Override
  public Cancellable stream(ValidatedQuery query, Organisation caller, StreamListener listener) {
    return engine.stream(aliases.apply(query), caller, listener);
  }

  @Override
  public List<SessionSummary> recentSessions(Organisation caller, int limit) {
    return engine.recentSessions(caller, limit);
  }

  @Override
  public List<Message> messages(Organisation caller, UUID sessionId) {
    return engine.messages(caller, sessionId);
  }

  @Override
  public RenameResponse rename(Organisation caller, UUID sessionId, String title) {
    return engine.rename(caller, sessionId, title);
  }

  @Override
  public void deleteSession(Organisation caller, UUID sessionId) {
    engine.deleteSession(caller, sessionId);
  }

  @Override
  public List<ModelInfo> models() {
    return engine.models();
  }

  @Override
  public List<Domain> domains(Organisation caller) {
    return engine.domains(caller);
  }

  @Override
  public List<Category> categories(Organisation caller, String domain) {
    return engine.categories(caller, domain);
  }

  @Override
  public void close() {
    engine.close();
  }
}
