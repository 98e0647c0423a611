package dev.egretta.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egretta.core.ConfigurationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dataset in BEIR layout: {@code corpus.jsonl} ({@code _id, title, text}), {@code queries.jsonl}
 * ({@code _id, text}) and {@code qrels/<split>.tsv} (query-id, corpus-id, score; header line).
 *
 * @param name the folder name, e.g. {@code scifact}
 * @param corpus document id to title + text
 * @param queries query id to text, only the queries that have judgements in the split
 * @param qrels query id to (document id to relevance grade &gt; 0)
 */
record BeirDataset(String name, Map<String, String> corpus, Map<String, String> queries, Map<String, Map<String, Integer>> qrels) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static BeirDataset load(Path dir, String split) {
    Path corpusFile = dir.resolve("corpus.jsonl");
    Path queriesFile = dir.resolve("queries.jsonl");
    Path qrelsFile = dir.resolve("qrels").resolve(split + ".tsv");
    for (Path p : new Path[] {corpusFile, queriesFile, qrelsFile}) {
      if (!Files.isRegularFile(p)) {
        throw new ConfigurationException("not a BEIR dataset (missing " + p + ")");
      }
    }
    try {
      Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
      try (BufferedReader r = Files.newBufferedReader(qrelsFile, StandardCharsets.UTF_8)) {
        String line;
        boolean first = true;
        while ((line = r.readLine()) != null) {
          String[] f = line.split("\t");
          if (first && f[0].equals("query-id") || f.length < 3) {
            first = false;
            continue;
          }
          first = false;
          int grade = Integer.parseInt(f[2].strip());
          if (grade > 0) {
            qrels.computeIfAbsent(f[0], q -> new LinkedHashMap<>()).put(f[1], grade);
          }
        }
      }
      Map<String, String> corpus = new LinkedHashMap<>();
      try (BufferedReader r = Files.newBufferedReader(corpusFile, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = JSON.readTree(line);
          String title = n.path("title").asText("").strip();
          String text = n.path("text").asText("").strip();
          corpus.put(n.get("_id").asText(), title.isEmpty() ? text : title + "\n\n" + text);
        }
      }
      Map<String, String> queries = new LinkedHashMap<>();
      try (BufferedReader r = Files.newBufferedReader(queriesFile, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = JSON.readTree(line);
          String id = n.get("_id").asText();
          if (qrels.containsKey(id)) {
            queries.put(id, n.path("text").asText(""));
          }
        }
      }
      qrels.keySet().retainAll(queries.keySet());
      return new BeirDataset(dir.toAbsolutePath().normalize().getFileName().toString(), corpus, queries, qrels);
    } catch (IOException | RuntimeException e) {
      throw new ConfigurationException("cannot read the BEIR dataset in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The same dataset judged on only the queries whose id {@code keep} accepts. */
  BeirDataset onlyQueries(java.util.function.Predicate<String> keep) {
    Map<String, String> q = new LinkedHashMap<>();
    queries.forEach((id, text) -> {
      if (keep.test(id)) {
        q.put(id, text);
      }
    });
    Map<String, Map<String, Integer>> r = new LinkedHashMap<>(qrels);
    r.keySet().retainAll(q.keySet());
    return new BeirDataset(name, corpus, q, r);
  }
}
