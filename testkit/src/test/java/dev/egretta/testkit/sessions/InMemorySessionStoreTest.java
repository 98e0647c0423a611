package dev.egretta.testkit.sessions;

import dev.egretta.core.session.InMemorySessionStore;
import dev.egretta.core.session.SessionStore;

class InMemorySessionStoreTest extends SessionStoreContract {
  @Override
  protected SessionStore openStore() {
    return new InMemorySessionStore();
  }
}
