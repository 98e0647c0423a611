package dev.egretta.lucene;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one ingestion run.
 *
 * @param documentsIndexed documents (re)indexed in this run, truncated ones included
 * @param documentsUnchanged documents skipped because their content did not change
 * @param documentsDeleted documents removed because the source no longer lists them (sync)
 * @param rejected documents that could not be indexed, with the reason
 * @param truncated URIs of documents indexed only in part (character limit or damaged content)
 * @param pages pages of the documents indexed in this run
 * @param chunks chunks of the documents indexed in this run
 * @param seconds wall-clock duration
 */
public record IngestReport(
    int documentsIndexed, int documentsUnchanged, int documentsDeleted, List<Rejection> rejected,
    List<String> truncated, long pages, long chunks, double seconds) {

  public IngestReport {
    rejected = List.copyOf(Objects.requireNonNull(rejected, "rejected"));
    truncated = List.copyOf(Objects.requireNonNull(truncated, "truncated"));
  }

  /**
   * The summary printed by {@code egretta index --json}: {@code documents_indexed},
   * {@code documents_unchanged}, {@code documents_deleted}, {@code documents_rejected} (list of
   * {@code {uri, reason}}), {@code pages}, {@code chunks}, {@code seconds}.
   */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("documents_indexed", documentsIndexed);
    m.put("documents_unchanged", documentsUnchanged);
    m.put("documents_deleted", documentsDeleted);
    m.put("documents_rejected", rejected.stream()
        .map(r -> {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("uri", r.uri());
          e.put("reason", r.reason());
          return e;
        })
        .toList());
    m.put("pages", pages);
    m.put("chunks", chunks);
    m.put("seconds", Math.round(seconds * 1000) / 1000.0);
    return m;
  }
}
