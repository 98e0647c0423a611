package dev.egretta.eval.answerability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egretta.core.pipeline.AnswerabilityJudge;
import dev.egretta.core.pipeline.ContextDecision;
import dev.egretta.core.pipeline.ScoreThresholdJudge;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.ExplainedPassage;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.egretta.lucene.RetrieverKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answerable and near-topic unanswerable cases from a BEIR-layout dataset with its qrels (ObliQA):
 * each question is searched once, {@value #DEPTH} hits deep (more when the engine reranks more). The
 * answerable case is the first {@value #ENGINE_DEPTH} hits as the engine sees them ({@link EngineOrder}),
 * kept only when a gold passage is among the
 * offered ones; the unanswerable case is the same list with every gold passage's hits removed (an
 * approximation of searching an index without them: the ranks below a removed hit move up, and
 * scores are re-capped down the list as the retriever does).
 */
final class GoldRemovalCases {
  static final int DEPTH = 40;
  static final int ENGINE_DEPTH = 10;

  private GoldRemovalCases() {}

  static List<FitCase> build(LuceneKnowledgeBase kb, Path dataset, String split, AnswerabilityJudge judge,
      ScoreThresholdJudge floor, int maxQuestions, PrintStream log) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> queries = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dataset.resolve("queries.jsonl"))) {
      if (!line.isBlank()) {
        JsonNode q = json.readTree(line);
        queries.put(q.get("_id").asText(), q.get("text").asText());
      }
    }
    Map<String, Set<String>> gold = new HashMap<>();
    for (String line : Files.readAllLines(dataset.resolve("qrels").resolve(split + ".tsv"))) {
      String[] f = line.split("\t");
      if (f.length >= 3 && !f[0].equals("query-id") && Integer.parseInt(f[2].strip()) > 0) {
        gold.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1]);
      }
    }
    String name = dataset.toAbsolutePath().normalize().getFileName().toString();
    SearchScope scope = SearchScope.publicOnly("beir", name);
    List<FitCase> out = new ArrayList<>();
    int done = 0;
    List<Map.Entry<String, Set<String>>> questions = new ArrayList<>(gold.entrySet());
    // a stable order that mixes the question groups, so a --max-questions sample is not the first group only
    questions.sort(java.util.Comparator.comparing((Map.Entry<String, Set<String>> e) -> Integer.toHexString(e.getKey().hashCode() * 31 + 7))
        .thenComparing(Map.Entry::getKey));
    if (maxQuestions > 0 && questions.size() > maxQuestions) {
      questions = questions.subList(0, maxQuestions);
    }
    for (Map.Entry<String, Set<String>> e : questions) {
      String text = queries.get(e.getKey());
      if (text == null) {
        continue;
      }
      boolean heldout = FitCase.heldOut(e.getKey());
      List<ExplainedPassage> hits = kb.explain(new RetrievalRequest(text, scope, EngineOrder.FETCH), RetrieverKind.HYBRID);
      List<RetrievedPassage> full = EngineOrder.of(text, scope, hits.stream().map(ExplainedPassage::passage).toList());
      ContextDecision d = floor.judge(full);
      boolean goldOffered = d.offered().stream().anyMatch(p -> e.getValue().contains(docId(p.documentUri())));
      if (goldOffered) {
        out.add(assess(e.getKey(), text, heldout, true, full, judge, floor));
      }
      out.add(assess(e.getKey() + "/removed", text, heldout, false,
          EngineOrder.of(text, scope, removeGold(hits, e.getValue(), kb)), judge, floor));
      if (++done % 250 == 0) {
        log.printf("gold removal: %d/%d questions%n", done, questions.size());
      }
    }
    return out;
  }

  static FitCase assess(String id, String question, boolean heldout, boolean answerable, List<RetrievedPassage> hits,
      AnswerabilityJudge judge, ScoreThresholdJudge floor) {
    ContextDecision d = floor.judge(hits);
    String source = id.startsWith("pdf:") ? "pdf-qa" : "obliqa";
    if (d.insufficient()) {
      return new FitCase(id, source, heldout, answerable, true, null);
    }
    return new FitCase(id, source, heldout, answerable, false, judge.assess(question, d.offered()).features().values());
  }

  private static List<RetrievedPassage> removeGold(List<ExplainedPassage> hits, Set<String> gold, LuceneKnowledgeBase kb) {
    List<Integer> removedLexical = new ArrayList<>();
    List<Integer> removedVector = new ArrayList<>();
    for (ExplainedPassage h : hits) {
      if (gold.contains(docId(h.passage().documentUri()))) {
        removedLexical.add(h.bm25Rank());
        removedVector.add(h.denseRank());
      }
    }
    List<RetrievedPassage> out = new ArrayList<>();
    double cap = 1.0;
    for (ExplainedPassage h : hits) {
      if (gold.contains(docId(h.passage().documentUri()))) {
        continue;
      }
      cap = Math.min(cap, kb.config().calibration().score(h.cosine()));
      RetrievedPassage p = h.passage();
      out.add(p.withScore(Math.max(0, Math.min(1, cap)))
          .withRanks(moved(h.bm25Rank(), removedLexical), moved(h.denseRank(), removedVector)));
    }
    return out;
  }

  private static int moved(int rank, List<Integer> removed) {
    if (rank == 0) {
      return 0;
    }
    return rank - (int) removed.stream().filter(r -> r > 0 && r < rank).count();
  }

  static String docId(String uri) {
    return uri.substring(uri.indexOf('/') + 1);
  }
}
