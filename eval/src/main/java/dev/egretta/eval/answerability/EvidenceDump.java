package dev.egretta.eval.answerability;

import dev.egretta.core.pipeline.AnswerabilityFeatures;
import dev.egretta.core.pipeline.AnswerabilityJudge;
import dev.egretta.core.pipeline.ContextDecision;
import dev.egretta.core.pipeline.Evidence;
import dev.egretta.core.pipeline.ScoreThresholdJudge;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.eval.answers.AnswerQuestion;
import dev.egretta.eval.answers.AnswerQuestions;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints, per question of a question file, what the answerability judge decided from: its
 * probability, the features, the focus items no passage mentions and the best evidence sentences.
 * A diagnostic for studying failures on the fit part ({@code dev.jsonl}), never on the held-out part.
 *
 * <pre>eval/bin/run answerability.EvidenceDump [--questions eval/pdf-qa/dev.jsonl] [--corpus ../shared/corpus] [--corpus-index DIR] [--top 3]</pre>
 */
public final class EvidenceDump {
  private EvidenceDump() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> a = CommandLine.parseOrExit(args, Set.of("questions", "corpus", "corpus-index", "top"), Set.of(),
        "eval/bin/run answerability.EvidenceDump [--questions FILE] [--corpus DIR] [--corpus-index DIR] [--top N]");
    Path questions = Path.of(a.getOrDefault("questions", "eval/pdf-qa/dev.jsonl"));
    if (questions.getFileName().toString().startsWith("heldout")) {
      System.err.println("refusing to dump " + questions + ": study failures on the fit part only");
      System.exit(2);
    }
    Path corpus = Path.of(a.getOrDefault("corpus", "../shared/corpus"));
    Path index = Path.of(a.getOrDefault("corpus-index",
        Path.of(System.getProperty("java.io.tmpdir"), "egretta-eval", "pdf-corpus").toString()));
    int top = CommandLine.positiveInt(a, "top", 3);
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index)) {
      kb.ingest(LocalFolderSource.of(corpus), IngestOptions.publicLibrary(), IngestListener.NONE);
      AnswerabilityJudge judge = AnswerabilityJudge.defaults(kb);
      ScoreThresholdJudge floor = AnswerabilityJudge.FLOOR;
      for (AnswerQuestion q : AnswerQuestions.read(questions)) {
        SearchScope scope = SearchScope.publicOnly(q.domain(), q.category());
        var hits = EngineOrder.of(q.question(), scope, kb.retrieve(new RetrievalRequest(q.question(), scope, EngineOrder.FETCH)));
        ContextDecision d = floor.judge(hits);
        System.out.printf(Locale.ROOT, "=== %s answerable=%s %s%n", q.id(), q.answerable(), q.question());
        if (q.answerable()) {
          System.out.printf("    evidence: %s [%s p%s]%n", q.evidence(), q.file(), q.pages());
        }
        if (d.insufficient()) {
          System.out.println("    flagged by the score floor");
          continue;
        }
        AnswerabilityJudge.Assessment s = judge.assess(q.question(), d.offered());
        System.out.printf(Locale.ROOT, "    P=%.3f type=%s form=%s missing=%s%n", s.probability(),
            s.selection().focus().answerType(), s.selection().focus().answerForm() != null,
            s.selection().missing().stream().map(i -> i.key()).toList());
        double[] v = s.features().values();
        StringBuilder f = new StringBuilder("    ");
        for (int i = 0; i < v.length; i++) {
          f.append(AnswerabilityFeatures.NAMES.get(i)).append('=').append(String.format(Locale.ROOT, "%.2f ", v[i]));
        }
        System.out.println(f);
        for (int i = 0; i < d.offered().size(); i++) {
          RetrievedPassage p = d.offered().get(i);
          System.out.printf(Locale.ROOT, "    [%d] %s p%d score=%.3f%n", i + 1, p.filename(), p.startPage(), p.score());
        }
        s.selection().ranked().stream().limit(top).forEach((Evidence e) -> System.out.printf(Locale.ROOT,
            "    - [%d] sim=%.3f cov=%.2f type=%s win=%.2f: %s%n", e.passageIndex() + 1, e.similarity(), e.coverage(),
            e.answerTypeFound(), s.selection().windowCoverage(e), e.sentence()));
      }
    }
  }
}
