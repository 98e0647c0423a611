package dev.egretta.eval.answers;

import java.util.List;
import java.util.Objects;

/**
 * One question of an answer-level evaluation file ({@code eval/pdf-qa/README.md}).
 *
 * @param id unique id
 * @param question the question as a user asks it
 * @param domain domain slug the question is asked in
 * @param category category code
 * @param answerable whether the documents answer it
 * @param file the answering PDF's file name (answerable only, else empty)
 * @param pages the pages that answer it, 1-based (answerable only, else empty)
 * @param evidence a sentence of the PDF that answers it (answerable only, else empty)
 * @param answerKeywords words or phrases an answer must contain (answerable only, else empty)
 */
public record AnswerQuestion(String id, String question, String domain, String category, boolean answerable, String file,
    List<Integer> pages, String evidence, List<String> answerKeywords) {

  public AnswerQuestion {
    for (var field : List.of(List.of("id", id), List.of("question", question), List.of("domain", domain),
        List.of("category", category))) {
      if (field.get(1) == null || field.get(1).toString().isBlank()) {
        throw new IllegalArgumentException("'" + field.get(0) + "' must be a non-blank string; got " + field.get(1));
      }
    }
    file = Objects.requireNonNullElse(file, "");
    evidence = Objects.requireNonNullElse(evidence, "");
    pages = List.copyOf(Objects.requireNonNullElse(pages, List.of()));
    answerKeywords = List.copyOf(Objects.requireNonNullElse(answerKeywords, List.of()));
    if (answerable) {
      if (file.isBlank() || pages.isEmpty() || evidence.isBlank() || answerKeywords.isEmpty()) {
        throw new IllegalArgumentException("answerable question '" + id
            + "' needs 'file', 'pages', 'evidence' and 'answer_keywords'");
      }
      if (pages.stream().anyMatch(p -> p < 1)) {
        throw new IllegalArgumentException("question '" + id + "': pages are 1-based; got " + pages);
      }
    }
  }
}
