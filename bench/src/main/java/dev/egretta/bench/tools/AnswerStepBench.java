package dev.egretta.bench.tools;

import dev.egretta.api.Mode;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.bench.Questions;
import dev.egretta.bench.Stats;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.LocalFolderSource;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the answer step (evidence selection, the answerability judge, the extractive answer, sources
 * and the citation check) adds to a query: the bench's 72 questions over the PDF folder, each asked
 * as top-10 retrieval only and through the default engine ({@code egretta ask}'s pipeline, compliance
 * mode, sessions in memory), one after the other in alternating order, on one thread.
 * {@code AnswerStepBench <pdf folder> [--rounds N]} prints the medians and their ratio for engines
 * without suggestions (whose checks retrieve again: not part of the answer step): <em>cold</em>, a
 * fresh engine per question (no sentence vector cached: the worst case), and <em>shared</em>, one
 * engine for all questions (sentences of popular passages come back); then, for comparison, the
 * default engine with its 3 suggestions. Each ask uses its own wording (trailing white space) so
 * that no side finds another's query vector cached.
 */
public final class AnswerStepBench {
  private AnswerStepBench() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length == 2 || args.length > 3 || args.length > 1 && !args[1].equals("--rounds")) {
      System.err.println("usage: AnswerStepBench <pdf folder> [--rounds N]");
      System.exit(2);
    }
    int rounds = args.length > 2 && args[2].matches("\\d{1,2}") ? Integer.parseInt(args[2]) : args.length > 2 ? -1 : 3;
    if (rounds < 1 || rounds > 50) {
      System.err.println("--rounds must be a number 1..50; got " + args[2]);
      System.exit(2);
    }
    List<Questions.Question> questions = Questions.corpusQuestions();
    Path index = Files.createTempDirectory("egretta-answer-bench");
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(index)) {
      kb.ingest(LocalFolderSource.of(Path.of(args[0])), IngestOptions.publicLibrary(), IngestListener.NONE);
      try (EgrettaEngine shared = engine(kb, 0); EgrettaEngine suggesting = engine(kb, 3)) {
        for (Questions.Question q : questions) {   // warm-up: JIT, model, caches of other wording
          retrieve(kb, q, " (warm-up)");
          ask(suggesting, q, " (warm-up)");
        }
        List<String> modes = List.of("cold", "shared", "shared, with suggestions");
        for (String mode : modes) {
          List<Double> retrieval = new ArrayList<>();
          List<Double> engine = new ArrayList<>();
          List<Double> added = new ArrayList<>();
          for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < questions.size(); i++) {
              Questions.Question q = questions.get(i);
              String variant = " ".repeat(1 + round) + "\t".repeat(1 + modes.indexOf(mode));
              // a cold engine is not closed: closing an engine closes its knowledge base
              EgrettaEngine e = mode.equals("cold") ? engine(kb, 0) : mode.equals("shared") ? shared : suggesting;
              double r;
              double a;
              if ((i + round) % 2 == 0) {
                r = retrieve(kb, q, variant + "\n");
                a = ask(e, q, variant);
              } else {
                a = ask(e, q, variant);
                r = retrieve(kb, q, variant + "\n");
              }
              retrieval.add(r);
              engine.add(a);
              added.add(a - r);
            }
          }
          double rm = Stats.median(retrieval);
          double em = Stats.median(engine);
          System.out.printf(Locale.ROOT, "%s: %d asks; median retrieval only %.2f ms, whole engine %.2f ms (ratio %.2f);"
              + " median added per query %.2f ms%n", mode, engine.size(), rm, em, em / rm, Stats.median(added));
        }
      }
      System.out.printf(Locale.ROOT, "load average at the end: %.1f on %d cores%n",
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    } finally {
      try (Stream<Path> files = Files.walk(index)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The default engine over the knowledge base, as {@code egretta ask} builds it, with this many suggestions. */
  private static EgrettaEngine engine(LuceneKnowledgeBase kb, int suggestions) {
    return EgrettaEngine.builder().retriever(kb).tokenCounter(kb::countTokens).suggestionCount(suggestions).build();
  }

  private static double retrieve(LuceneKnowledgeBase kb, Questions.Question q, String variant) {
    long t = System.nanoTime();
    int n = kb.retrieve(new RetrievalRequest(q.text() + variant, SearchScope.publicOnly(q.domain(), Questions.CATEGORY), 10))
        .size();
    double ms = (System.nanoTime() - t) / 1e6;
    if (n == 0) {
      throw new IllegalStateException("nothing retrieved for: " + q);
    }
    return ms;
  }

  private static double ask(EgrettaEngine engine, Questions.Question q, String variant) {
    long t = System.nanoTime();
    engine.query(ValidatedQuery.of(q.text() + variant, q.domain(), Questions.CATEGORY, Mode.COMPLIANCE), Organisation.LOCAL);
    return (System.nanoTime() - t) / 1e6;
  }
}
