package dev.egretta.bench;

import dev.egretta.eval.BeirEvaluator;
import dev.egretta.eval.Metrics;
import dev.egretta.lucene.LuceneConfig;
import dev.egretta.lucene.RetrieverKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Retrieval latency on the BEIR SciFact index (issue #3's target), through the eval module's own
 * {@link BeirEvaluator}: hybrid top-10 with query embedding and stored fields over the test queries, one
 * at a time. The index is built once with Egretta's defaults into the cache folder (5-10 minutes of
 * embedding on 2 idle cores) and reused; a marker file says it is complete. Also reports nDCG@10, a check
 * that the index is sound.
 */
final class SciFactBench {
  static final String COMPLETE = "egretta-bench-complete";

  private SciFactBench() {}

  static Map<String, Object> run(Path scifactDir, Path indexDir, int warmupRounds, int rounds) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    boolean cached = Files.exists(indexDir.resolve(COMPLETE));
    out.put("cachedIndex", cached);
    try (BeirEvaluator eval = BeirEvaluator.open(scifactDir, "test", indexDir, LuceneConfig.defaults())) {
      if (!cached) {
        long t0 = System.nanoTime();
        var report = eval.index(System.out);
        out.put("buildSeconds", (System.nanoTime() - t0) / 1e9);
        out.put("buildChunks", report.chunks());
        Files.writeString(indexDir.resolve(COMPLETE), "built by the Egretta bench\n");
      }
      out.put("chunks", eval.knowledgeBase().chunkCount());
      out.put("queries", eval.queryCount());
      for (int r = 0; r < warmupRounds; r++) {
        eval.latenciesMs(10, eval.queryCount());
      }
      double[] all = new double[0];
      for (int r = 0; r < rounds; r++) {
        double[] round = eval.latenciesMs(10, 0);
        double[] joined = new double[all.length + round.length];
        System.arraycopy(all, 0, joined, 0, all.length);
        System.arraycopy(round, 0, joined, all.length, round.length);
        all = joined;
      }
      out.put("latenciesMs", all);
      Metrics m = eval.evaluate(RetrieverKind.HYBRID);
      out.put("ndcg10", m.ndcg10());
      out.put("recall10", m.recall10());
    }
    return out;
  }
}
