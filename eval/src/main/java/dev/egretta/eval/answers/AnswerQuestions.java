package dev.egretta.eval.answers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads an answer-evaluation file: one JSON object per line ({@link AnswerQuestion}); blank lines are skipped. */
public final class AnswerQuestions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnswerQuestions() {}

  /**
   * @throws IllegalArgumentException naming the file and line of the first bad question
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<AnswerQuestion> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the questions file " + file + ": " + e.getMessage(), e);
    }
    List<AnswerQuestion> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        AnswerQuestion q = parse(JSON.readTree(lines.get(i)));
        if (!ids.add(q.id())) {
          throw new IllegalArgumentException("duplicate id '" + q.id() + "'");
        }
        out.add(q);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a JSON object: " + e.getOriginalMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(file + ": no questions");
    }
    return out;
  }

  static AnswerQuestion parse(JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("each line must be a JSON object");
    }
    JsonNode answerable = n.get("answerable");
    if (answerable == null || !answerable.isBoolean()) {
      throw new IllegalArgumentException("'answerable' must be true or false");
    }
    List<Integer> pages = new ArrayList<>();
    n.path("pages").forEach(p -> pages.add(p.asInt()));
    List<String> keywords = new ArrayList<>();
    n.path("answer_keywords").forEach(k -> keywords.add(k.asText()));
    return new AnswerQuestion(text(n, "id"), text(n, "question"), text(n, "domain"), text(n, "category"),
        answerable.asBoolean(), text(n, "file"), pages, text(n, "evidence"), keywords);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
