package dev.egretta.core.session;

import dev.egretta.api.Message;
import java.util.Objects;
import java.util.UUID;

/**
 * A message as the store keeps it.
 *
 * @param messageId increasing over the whole store: a later message always has a larger id
 */
public record StoredMessage(long messageId, UUID sessionId, NewMessage message) {
  public StoredMessage {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(message, "message");
  }

  /** The message as Egret's messages list shows it. */
  public Message toMessage() {
    NewMessage m = message;
    return new Message(sessionId.toString(), m.sender(), m.content(), m.modelId(), m.sources(), m.inputTokens(),
        m.outputTokens(), m.createdAt(), m.contextQuality());
  }
}
