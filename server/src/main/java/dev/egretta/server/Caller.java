package dev.egretta.server;

import dev.egretta.core.Organisation;
import java.util.Objects;

/** An authenticated caller: the organisation its key belongs to and a non-secret handle on the key. */
record Caller(Organisation organisation, String keyId) {
  Caller {
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(keyId, "keyId");
  }
}
