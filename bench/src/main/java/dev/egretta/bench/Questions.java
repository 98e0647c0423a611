package dev.egretta.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The question set about the 12 PDFs of {@code ../shared/corpus} (a resource: {@code domain | question} a line). */
public final class Questions {
  /** The category of every document in {@code ../shared/corpus}. */
  public static final String CATEGORY = "us";

  /** One question and the domain whose documents answer it. */
  public record Question(String domain, String text) {}

  private Questions() {}

  public static List<Question> corpusQuestions() {
    try (InputStream in = Questions.class.getResourceAsStream("questions.txt")) {
      if (in == null) {
        throw new IllegalStateException("questions.txt missing from the bench jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .map(Questions::parse)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Question parse(String line) {
    int bar = line.indexOf('|');
    if (bar < 0) {
      throw new IllegalArgumentException("question line must be '<domain> | <question>': " + line);
    }
    return new Question(line.substring(0, bar).strip(), line.substring(bar + 1).strip());
  }

  public static List<String> texts(List<Question> questions) {
    return questions.stream().map(Question::text).toList();
  }
}
