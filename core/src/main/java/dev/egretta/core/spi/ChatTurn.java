package dev.egretta.core.spi;

import dev.egretta.api.Sender;
import java.util.Objects;

/** One earlier message of the session, given to the generator as history. */
public record ChatTurn(Sender sender, String content) {
  public ChatTurn {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(content, "content");
  }
}
