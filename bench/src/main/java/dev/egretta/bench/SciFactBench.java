package dev.egretta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egretta.core.spi.RetrievalRequest;
import dev.egretta.core.spi.RetrievedPassage;
import dev.egretta.core.spi.SearchScope;
import dev.egretta.lucene.IngestListener;
import dev.egretta.lucene.IngestOptions;
import dev.egretta.lucene.IngestReport;
import dev.egretta.lucene.LuceneKnowledgeBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Retrieval latency on the BEIR SciFact index (issue #3's target): hybrid top-10 with query embedding
 * and stored fields, over the 300 test queries. The index is built once with Egretta's defaults (about
 * 5 minutes of embedding on 2 cores) into a cache folder and reused by later runs; a marker file says it
 * is complete. Also reports hit@10 (share of queries with a judged-relevant document in the top 10) as
 * a sanity check of the index.
 */
final class SciFactBench {
  static final String DOMAIN = "scifact";
  static final String CATEGORY = "test";
  private static final String COMPLETE = "egretta-bench-complete";

  private SciFactBench() {}

  static Map<String, Object> run(Path scifactDir, Path indexDir, int warmupRounds, int rounds) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    boolean cached = Files.exists(indexDir.resolve(COMPLETE));
    out.put("cachedIndex", cached);
    Map<String, String> queries = testQueries(scifactDir);
    Map<String, Set<String>> relevant = qrels(scifactDir.resolve("qrels/test.tsv"));
    try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(indexDir)) {
      if (!cached) {
        long t0 = System.nanoTime();
        IngestReport r = kb.ingest(new BeirSource(scifactDir.resolve("corpus.jsonl"), DOMAIN, CATEGORY),
            IngestOptions.publicLibrary(), IngestListener.NONE);
        out.put("buildSeconds", (System.nanoTime() - t0) / 1e9);
        out.put("buildChunks", r.chunks());
        Files.writeString(indexDir.resolve(COMPLETE), "built by the Egretta bench\n");
      }
      out.put("chunks", kb.chunkCount());
      SearchScope scope = SearchScope.publicOnly(DOMAIN, CATEGORY);
      List<Map.Entry<String, String>> list = new ArrayList<>(queries.entrySet());
      int[] hits = new int[1];
      double[] latencies = Latency.measure(list, warmupRounds, rounds, q -> {
        List<RetrievedPassage> found = kb.retrieve(new RetrievalRequest(q.getValue(), scope, 10));
        return found.size();
      });
      for (Map.Entry<String, String> q : list) {
        Set<String> rel = relevant.getOrDefault(q.getKey(), Set.of());
        for (RetrievedPassage p : kb.retrieve(new RetrievalRequest(q.getValue(), scope, 10))) {
          if (rel.contains(BeirSource.corpusId(p.chunkId()))) {
            hits[0]++;
            break;
          }
        }
      }
      out.put("queries", list.size());
      out.put("hitAt10", (double) hits[0] / list.size());
      out.put("latenciesMs", latencies);
    }
    return out;
  }

  private static Map<String, String> testQueries(Path dir) throws IOException {
    Set<String> test = qrels(dir.resolve("qrels/test.tsv")).keySet();
    Map<String, String> out = new LinkedHashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(dir.resolve("queries.jsonl"), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = json.readTree(line);
      String id = n.path("_id").asText();
      if (test.contains(id)) {
        out.put(id, n.path("text").asText());
      }
    }
    return out;
  }

  private static Map<String, Set<String>> qrels(Path tsv) throws IOException {
    Map<String, Set<String>> out = new HashMap<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      if (f.length < 3 || f[0].equals("query-id") || Integer.parseInt(f[2].strip()) <= 0) {
        continue;
      }
      out.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1]);
    }
    return out;
  }
}
