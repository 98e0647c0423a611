package dev.egretta.bench;

import dev.egretta.api.Mode;
import dev.egretta.api.QueryResponse;
import dev.egretta.api.ValidatedQuery;
import dev.egretta.core.EgrettaEngine;
import dev.egretta.core.Organisation;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cold start, in a fresh JVM: open an existing index, build the engine with the default (extractive)
 * generator, answer one question. Reports the time from JVM start (before {@code main}) and from the
 * first line of the task to the answer.
 */
final class ColdStart {
  private ColdStart() {}

  static Map<String, Object> run(Path indexDir, Questions.Question question) {
    long mainStart = System.currentTimeMillis();
    long t0 = System.nanoTime();
    Map<String, Object> out = new LinkedHashMap<>();
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(indexDir);
        EgrettaEngine engine = EgrettaEngine.builder().retriever(kb).build()) {
      long t1 = System.nanoTime();
      QueryResponse response = engine.query(
          ValidatedQuery.of(question.text(), question.domain(), Questions.CATEGORY, Mode.COMPLIANCE), Organisation.LOCAL);
      long t2 = System.nanoTime();
      long answeredAt = System.currentTimeMillis();
      if (response.sources().isEmpty()) {
        throw new IllegalStateException("the first answer has no sources: " + response.response());
      }
      long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
      out.put("openSeconds", (t1 - t0) / 1e9);
      out.put("firstQuerySeconds", (t2 - t1) / 1e9);
      out.put("mainToAnswerSeconds", (t2 - t0) / 1e9);
      out.put("jvmStartToMainSeconds", (mainStart - jvmStart) / 1e3);
      out.put("jvmStartToAnswerSeconds", (answeredAt - jvmStart) / 1e3);
      out.put("sources", response.sources().size());
    }
    return out;
  }
}
