package dev.egretta.elasticsearch;

import static dev.egretta.elasticsearch.IndexSchema.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egretta.core.Organisation;
import dev.egretta.lucene.BackendParts;
import dev.egretta.lucene.IngestReportBuilder;
import dev.egretta.lucene.ParsedPassages;
import dev.egretta.lucene.Passage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Embeds parsed documents and writes them in {@code _bulk} requests of about {@code bulkChunks} chunks
 * (whole documents). A document is replaced in three steps so that a crash never leaves it half new
 * under a new manifest: its chunks are indexed (ids {@code [org:]<uri>#<n>} overwrite the old ones),
 * then its stale chunks are deleted and its manifest written last. A chunk the cluster refuses makes
 * that one document a rejection with the cluster's reason (its chunks and manifest are removed, so no
 * half-written document is searched); the other documents of the request are unaffected.
 */
final class ChunkWriter {
  private final EsStore store;
  private final BackendParts parts;
  private final Optional<Organisation> owner;
  private final int bulkChunks;
  private final IngestReportBuilder outcomes;
  /** Keys of documents the index held before this run: only those can have stale chunks. */
  private final Set<String> existing;
  private final List<ParsedPassages> pending = new ArrayList<>();
  private int pendingChunks;

  ChunkWriter(EsStore store, BackendParts parts, Optional<Organisation> owner, int bulkChunks, IngestReportBuilder outcomes,
      Set<String> existing) {
    this.store = store;
    this.parts = parts;
    this.owner = owner;
    this.bulkChunks = bulkChunks;
    this.outcomes = outcomes;
    this.existing = existing;
  }

  void add(ParsedPassages p) {
    pending.add(p);
    pendingChunks += p.passages().size();
    if (pendingChunks >= bulkChunks) {
      flush();
    }
  }

  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<String> texts = new ArrayList<>();
    pending.forEach(p -> p.passages().forEach(c -> texts.add(c.indexText())));
    List<float[]> vectors = parts.embedPassages(texts);

    Bulk chunkBulk = new Bulk();
    Map<String, List<String>> newIds = new LinkedHashMap<>();
    int at = 0;
    for (ParsedPassages p : pending) {
      String key = docKey(owner, p.source().uri());
      List<String> ids = new ArrayList<>();
      for (Passage c : p.passages()) {
        String id = esId(chunkId(owner, p.source().uri(), c.ordinal()));
        chunkBulk.index(store.chunkIndex(), id, chunkJson(p, c, vectors.get(at++)), key);
        ids.add(id);
      }
      newIds.put(key, ids);
    }
    Map<String, String> refused = new HashMap<>();
    chunkBulk.send(store.http()).forEach(f -> refused.putIfAbsent(f.owner(), "Elasticsearch refused a chunk: " + f.reason()));

    Set<String> replaced = new HashSet<>();
    for (String key : newIds.keySet()) {
      if (existing.contains(key)) {
        replaced.add(key);
      }
    }
    Map<String, List<String>> oldIds = oldChunkIds(replaced);

    Bulk finish = new Bulk();
    for (ParsedPassages p : pending) {
      String key = docKey(owner, p.source().uri());
      Set<String> keep = refused.containsKey(key) ? Set.of() : new HashSet<>(newIds.get(key));
      Set<String> drop = new HashSet<>(oldIds.getOrDefault(key, List.of()));
      if (refused.containsKey(key)) {
        drop.addAll(newIds.get(key));
      }
      for (String id : drop) {
        if (!keep.contains(id)) {
          finish.delete(store.chunkIndex(), id, key);
        }
      }
      if (refused.containsKey(key)) {
        finish.delete(store.documentsIndex(), esId(key), key);
      } else {
        Manifest m = p.rejection() != null ? Manifest.rejected(p.source(), owner, p.sha256(), p.rejection())
            : Manifest.indexed(p, owner);
        finish.index(store.documentsIndex(), esId(key), m.toJson(), key);
      }
    }
    finish.send(store.http()).forEach(f -> refused.putIfAbsent(f.owner(), "Elasticsearch refused to record it: " + f.reason()));

    for (ParsedPassages p : pending) {
      String reason = refused.getOrDefault(docKey(owner, p.source().uri()), p.rejection());
      if (reason != null) {
        outcomes.rejected(p.source(), reason);
      } else {
        outcomes.indexed(p.source(), p.pages(), p.passages().size(), p.truncated());
      }
    }
    pending.clear();
    pendingChunks = 0;
  }

  private Map<String, List<String>> oldChunkIds(Set<String> keys) {
    Map<String, List<String>> out = new HashMap<>();
    for (String key : keys) {
      out.put(key, new ArrayList<>(store.chunkIds(List.of(key))));
    }
    return out;
  }

  private ObjectNode chunkJson(ParsedPassages p, Passage c, float[] vector) {
    var s = p.source();
    ObjectNode d = EsHttp.JSON.createObjectNode();
    d.put(DOC_KEY, docKey(owner, s.uri())).put(CHUNK_ID, chunkId(owner, s.uri(), c.ordinal())).put(URI, s.uri())
        .put(FILENAME, s.filename()).put(DOMAIN, s.domain()).put(CATEGORY, s.category())
        .put(VISIBILITY, owner.isPresent() ? PRIVATE : PUBLIC).put(OWNER, owner.map(Organisation::id).orElse(""))
        .put(TERMS, parts.indexTerms(c.indexText())).put(PASSAGE, c.text()).put(HEADING, c.heading())
        .put(ORDINAL, c.ordinal()).put(START_PAGE, c.startPage()).put(END_PAGE, c.endPage())
        .put(START_OFFSET, c.startOffset()).put(END_OFFSET, c.endOffset()).put(SHA256, p.sha256());
    if (!c.pageStarts().isEmpty()) {
      ArrayNode starts = d.putArray(PAGE_STARTS);
      c.pageStarts().forEach(starts::add);
    }
    ArrayNode v = d.putArray(VECTOR);
    for (float x : vector) {
      v.add(x);
    }
    return d;
  }
}
