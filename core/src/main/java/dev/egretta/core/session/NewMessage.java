package dev.egretta.core.session;

import dev.egretta.api.ContextQuality;
import dev.egretta.api.Mode;
import dev.egretta.api.Sender;
import dev.egretta.api.Source;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message to append to a session; the store assigns its id.
 *
 * @param modelId the catalog model that answered (or will answer) the turn
 * @param mode the mode the answer was generated in; {@code null} for user messages
 * @param contextQuality {@code null} for user messages
 */
public record NewMessage(
    Sender sender,
    String content,
    String modelId,
    Mode mode,
    List<Source> sources,
    long inputTokens,
    long outputTokens,
    ContextQuality contextQuality,
    Instant createdAt) {

  public NewMessage {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(createdAt, "createdAt");
    sources = sources == null ? List.of() : List.copyOf(sources);
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException("token counts must be >= 0");
    }
    if (mode == Mode.AUTO) {
      throw new IllegalArgumentException("a stored mode is compliance or advisory, never auto");
    }
  }

  /** A user's question: no sources, zero tokens, no context quality. */
  public static NewMessage user(String content, String modelId, Instant at) {
    return new NewMessage(Sender.USER, content, modelId, null, List.of(), 0, 0, null, at);
  }
}
