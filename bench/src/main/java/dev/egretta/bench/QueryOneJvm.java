package dev.egretta.bench;

import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.LuceneKnowledgeBase;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Both retrievers in one JVM, in alternating rounds of all questions: Egretta over the index of the side-by-side
 * run (read-only, no query-vector cache) and Easy RAG over its own ingestion of the corpus, done here. In their
 * own JVMs the two sides' query figures come minutes apart and each JVM carries its own ingestion's heap and
 * compiled code, so their ratio swung 0.94x-1.76x between runs on a shared 2-core host; here both sides meet
 * the same host minute by minute, and the ratio of each round's p50s is what is reported.
 */
final class QueryOneJvm {
  private QueryOneJvm() {}

  static Map<String, Object> run(Path corpus, Path egrettaIndex, List<Questions.Question> questions, int warmupRounds,
      int rounds) {
    Map<String, Object> out = new LinkedHashMap<>();
    ContentRetriever easyRag = EasyRagSide.ingest(corpus, new LinkedHashMap<>());
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.openReadOnly(egrettaIndex,
        LuceneConfig.builder().queryCacheSize(0).build())) {
      List<ToIntFunction<Questions.Question>> sides = List.of(q -> EgrettaSide.search(kb, q), q -> EasyRagSide.search(easyRag, q));
      List<List<Double>> p50s = List.of(new ArrayList<>(), new ArrayList<>());
      for (int round = 0; round < warmupRounds + rounds; round++) {
        for (int i = 0; i < 2; i++) {
          int side = (round + i) % 2; // each side goes first in every other round
          double[] ms = Latency.measure(questions, 0, 1, sides.get(side));
          if (round >= warmupRounds) {
            p50s.get(side).add(Stats.percentile(ms, 50));
          }
        }
      }
      out.put("egrettaRoundP50sMs", p50s.get(0));
      out.put("easyRagRoundP50sMs", p50s.get(1));
    }
    return out;
  }
}
