package dev.egretta.testkit.engine;

import dev.egretta.core.Organisation;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A LangChain4j chat model that records every prompt (with the organisation the calling thread
 * works for) and answers with a fixed cited text plus one dangling citation.
 */
final class CapturingChatModel implements ChatModel {

  record Captured(Organisation org, List<ChatMessage> messages) {
    String text() {
      return messages.stream().map(CapturingChatModel::text).collect(Collectors.joining("\n"));
    }
  }

  static final ThreadLocal<Organisation> CALLER = new ThreadLocal<>();
  final List<Captured> prompts = new CopyOnWriteArrayList<>();

  @Override
  public ChatResponse doChat(ChatRequest request) {
    prompts.add(new Captured(CALLER.get(), request.messages()));
    return ChatResponse.builder()
        .aiMessage(AiMessage.from("# Answer\n\nThe contingency plan of each system is approved by the Chief Information Officer [Source 1], "
            + "and more [Source 99]."))
        .tokenUsage(new TokenUsage(1200, 40))
        .build();
  }

  static String text(ChatMessage m) {
    return switch (m) {
      case SystemMessage s -> "SYSTEM: " + s.text();
      case UserMessage u -> "USER: " + u.singleText();
      case AiMessage a -> "AI: " + a.text();
      default -> m.toString();
    };
  }
}
