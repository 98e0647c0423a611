package dev.egretta.bedrock;

import dev.egretta.core.UpstreamException;
import dev.egretta.core.spi.GeneratedAnswer;
import dev.egretta.core.spi.TokenUsage;
import dev.langchain4j.model.chat.response.ChatResponse;

/** Turns LangChain4j's Bedrock response into a {@link GeneratedAnswer} with Bedrock's own token counts. */
final class Answers {
  private static final System.Logger LOG = System.getLogger(Answers.class.getName());

  private Answers() {}

  /**
   * @param streamedText the text already forwarded as deltas, or null for a blocking call; when given it
   *     is the answer, so that the answer always equals the concatenated deltas
   */
  static GeneratedAnswer from(ChatResponse response, String modelId, String streamedText) {
    String text = streamedText != null ? streamedText
        : response.aiMessage() == null ? null : response.aiMessage().text();
    if (text == null || text.isBlank()) {
      throw new UpstreamException("Bedrock returned no text for model " + modelId
          + " (finish reason " + response.finishReason() + ")");
    }
    return new GeneratedAnswer(text, usage(response, modelId));
  }

  private static TokenUsage usage(ChatResponse response, String modelId) {
    var usage = response.tokenUsage();
    if (usage == null || usage.inputTokenCount() == null || usage.outputTokenCount() == null) {
      LOG.log(System.Logger.Level.WARNING, "Bedrock reported no token usage for " + modelId
          + "; usage and cost of this answer are recorded as zero");
      return TokenUsage.ZERO;
    }
    return new TokenUsage(usage.inputTokenCount(), usage.outputTokenCount());
  }
}
