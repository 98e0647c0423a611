package dev.egretta.eval.answerability;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Organisation;
import dev.egretta.core.pipeline.AnswerabilityJudge;
import dev.egretta.core.pipeline.AnswerabilityModel;
import dev.egretta.core.pipeline.EvidenceSelector;
import dev.egretta.core.pipeline.ScoreThresholdJudge;
import dev.egretta.core.spi.Retriever;
import dev.egretta.eval.answers.AnswerQuestion;
import dev.egretta.eval.answers.AnswerQuestions;
import dev.egretta.eval.answers.AnswerScoring;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a question file through two engines over the same index, in the same run: the engine's
 * default pipeline (evidence selection + answerability judge) and the previous one (score threshold,
 * lexical sentence choice, as before this change), compliance mode, default extractive generator.
 * Prints page hit@5, answer keyword recall, unanswerable flagged, answerable falsely flagged and
 * dangling citations for both, the median of the per-question latency difference (over all rounds and
 * over the first), and the time of the answerability judge alone with no sentence vector cached.
 *
 * <pre>AnswerReport --questions eval/pdf-qa/heldout.jsonl [--warmup eval/pdf-qa/dev.jsonl] [--corpus ../shared/corpus]
 *              [--corpus-index DIR] [--rounds 3]</pre>
 */
public final class AnswerReport {
  private AnswerReport() {}

  record Tally(int[] counts, double[] recall, List<Long> nanos) {
    Tally() {
      this(new int[6], new double[1], new ArrayList<>());
    }
  }

  public static void main(String[] args) throws IOException {
    java.util.Map<String, String> a = CommandLine.parseOrExit(args,
        java.util.Set.of("questions", "warmup", "corpus", "corpus-index", "rounds"), java.util.Set.of(),
        "eval/bin/run answerability.AnswerReport [--questions FILE] [--warmup FILE] [--corpus DIR] [--corpus-index DIR] [--rounds N]");
    Path questions = Path.of(a.getOrDefault("questions", "eval/pdf-qa/heldout.jsonl"));
    Path corpus = Path.of(a.getOrDefault("corpus", "../shared/corpus"));
    Path index = Path.of(a.getOrDefault("corpus-index",
        Path.of(System.getProperty("java.io.tmpdir"), "egretta-eval", "pdf-corpus").toString()));
    int rounds = Math.max(1, CommandLine.positiveInt(a, "rounds", 3));
    List<AnswerQuestion> qs = AnswerQuestions.read(questions);
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index)) {
      kb.ingest(LocalFolderSource.of(corpus), IngestOptions.publicLibrary(), IngestListener.NONE);
      Retriever plain = kb::retrieve;
      EgrettaEngine current = EgrettaEngine.builder().retriever(kb).tokenCounter(kb::countTokens).build();
      EgrettaEngine previous = EgrettaEngine.builder().retriever(plain).corpusInventory(kb)
          .contextJudge(ScoreThresholdJudge.defaults()).tokenCounter(kb::countTokens).build();
      // warm up both (JIT, model): on another question file when given (then the timed questions' own
      // sentences are mostly not cached yet), else on the first questions with other wording
      List<AnswerQuestion> warmup = a.containsKey("warmup") ? AnswerQuestions.read(Path.of(a.get("warmup")))
          : qs.subList(0, Math.min(10, qs.size()));
      for (AnswerQuestion q : warmup) {
        ask(current, q, " (warm-up)");
        ask(previous, q, " (warm-up)");
      }
      Tally now = new Tally();
      Tally before = new Tally();
      List<Long> added = new ArrayList<>();
      List<String> rows = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        // the engines share the index's query-vector cache: each asks its own wording (trailing spaces) so neither
        // finds the other's query vector there
        for (AnswerQuestion q : qs) {
          // alternate the order so neither engine is always the one that runs on a warmer cache
          boolean currentFirst = (round + q.id().hashCode()) % 2 == 0;
          long[] t = new long[2];
          QueryResponse[] r = new QueryResponse[2];
          for (int k = 0; k < 2; k++) {
            boolean isCurrent = (k == 0) == currentFirst;
            long t0 = System.nanoTime();
            QueryResponse resp = ask(isCurrent ? current : previous, q, " ".repeat(2 * round + (isCurrent ? 0 : 1)));
            t[isCurrent ? 0 : 1] = System.nanoTime() - t0;
            r[isCurrent ? 0 : 1] = resp;
          }
          added.add(t[0] - t[1]);
          now.nanos().add(t[0]);
          before.nanos().add(t[1]);
          if (round == 0) {
            tally(now, q, r[0]);
            tally(before, q, r[1]);
            rows.add(q.id() + "\t" + row(q, r[0]) + "\t|previous\t" + row(q, r[1]));
          }
        }
      }
      rows.forEach(System.out::println);
      System.out.println("engine\tpage_hit@5\tkeyword_recall\tunanswerable_flagged\tanswerable_flagged\tdangling\tp50_ms");
      print("current", now);
      print("previous", before);
      System.out.printf(Locale.ROOT, "added latency per query: median %.1f ms over %d paired runs (%d rounds); first round"
          + " (no sentence vector cached yet) %.1f ms%n", median(added) / 1e6, added.size(), rounds,
          median(added.subList(0, qs.size())) / 1e6);
      System.out.printf(Locale.ROOT, "load average at the end: %.1f on %d cores%n",
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());
      // the judge alone with nothing cached but the query vector (a fresh selector per question), after retrieval
      List<Long> cold = new ArrayList<>();
      List<Long> reference = new ArrayList<>();
      for (AnswerQuestion q : qs) {
        String text = q.question() + " (cold)";
        List<dev.egretta.core.spi.RetrievedPassage> hits = kb.retrieve(new dev.egretta.core.spi.RetrievalRequest(text,
            dev.egretta.core.spi.SearchScope.publicOnly(q.domain(), q.category()), 10));
        AnswerabilityJudge judge = new AnswerabilityJudge(EvidenceSelector.embedding(kb), AnswerabilityModel.defaults(),
            ScoreThresholdJudge.defaults());
        long t0 = System.nanoTime();
        judge.judge(text, hits);
        cold.add(System.nanoTime() - t0);
        // the reference on the same machine at the same moment: one uncached query embedding
        long t1 = System.nanoTime();
        kb.embedQuery(text + " (reference)");
        reference.add(System.nanoTime() - t1);
      }
      System.out.printf(Locale.ROOT, "answerability judge with no sentence vector cached: median %.1f ms, max %.1f ms over %d"
          + " questions; one query embedding meanwhile: median %.1f ms%n", median(cold) / 1e6,
          cold.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6, cold.size(), median(reference) / 1e6);
      current.close();
      previous.close();
    }
  }

  private static QueryResponse ask(EgrettaEngine engine, AnswerQuestion q, String variant) {
    return engine.query(ValidatedQuery.of(q.question() + variant, q.domain(), q.category(), Mode.COMPLIANCE),
        Organisation.LOCAL);
  }

  private static String row(AnswerQuestion q, QueryResponse r) {
    return (r.contextQuality().insufficientContext() ? "FLAGGED" : "answered") + "\t" + AnswerScoring.pageHit(q, r)
        + "\t" + String.format(Locale.ROOT, "%.2f", AnswerScoring.keywordRecall(q, r)) + "\t" + r.response().replace('\n', ' ');
  }

  private static void tally(Tally t, AnswerQuestion q, QueryResponse r) {
    int[] c = t.counts();
    boolean flagged = r.contextQuality().insufficientContext();
    if (q.answerable()) {
      c[0]++;
      c[1] += AnswerScoring.pageHit(q, r) ? 1 : 0;
      t.recall()[0] += AnswerScoring.keywordRecall(q, r);
      c[4] += flagged ? 1 : 0;
    } else {
      c[2]++;
      c[3] += flagged ? 1 : 0;
    }
    c[5] += AnswerScoring.dangling(r);
  }

  private static void print(String name, Tally t) {
    int[] c = t.counts();
    System.out.printf(Locale.ROOT, "%s\t%d/%d\t%.3f\t%d/%d\t%d/%d\t%d\t%.1f%n", name, c[1], c[0],
        c[0] == 0 ? 0 : t.recall()[0] / c[0], c[3], c[2], c[4], c[0], c[5], median(t.nanos()) / 1e6);
  }

  static double median(List<Long> xs) {
    long[] s = xs.stream().mapToLong(Long::longValue).sorted().toArray();
    return s.length == 0 ? 0 : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
  }

}
