package dev.egretta.eval.answerability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egretta.core.pipeline.AnswerabilityJudge;
import dev.egretta.core.pipeline.ScoreThresholdJudge;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cases from Egretta's own question set over the PDF corpus (one JSON object per line with
 * {@code id, question, domain, category, answerable}): each question is retrieved as the engine
 * does (hybrid, {@value GoldRemovalCases#ENGINE_DEPTH} hits, public scope of its domain and category).
 */
final class PdfQaCases {
  private PdfQaCases() {}

  /** The questions of one file, as JSON objects. */
  static List<JsonNode> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        JsonNode q = json.readTree(line);
        for (String field : List.of("id", "question", "domain", "category", "answerable")) {
          if (!q.hasNonNull(field)) {
            throw new IllegalArgumentException(file + ": a question lacks '" + field + "': " + line);
          }
        }
        out.add(q);
      }
    }
    return out;
  }

  static List<FitCase> build(LuceneKnowledgeBase kb, Path file, boolean heldout, AnswerabilityJudge judge,
      ScoreThresholdJudge floor) throws IOException {
    List<FitCase> out = new ArrayList<>();
    for (JsonNode q : read(file)) {
      String text = q.get("question").asText();
      List<RetrievedPassage> hits = kb.retrieve(new RetrievalRequest(text,
          SearchScope.publicOnly(q.get("domain").asText(), q.get("category").asText()), GoldRemovalCases.ENGINE_DEPTH));
      FitCase c = GoldRemovalCases.assess("pdf:" + q.get("id").asText(), text, heldout, q.get("answerable").asBoolean(),
          hits, judge, floor);
      out.add(c);
    }
    return out;
  }
}
