package dev.egretta.elasticsearch;

import static dev.egretta.elasticsearch.IndexSchema.CATEGORY;
import static dev.egretta.elasticsearch.IndexSchema.CHUNK_ID;
import static dev.egretta.elasticsearch.IndexSchema.DOC_KEY;
import static dev.egretta.elasticsearch.IndexSchema.DOMAIN;
import static dev.egretta.elasticsearch.IndexSchema.INDEXED;
import static dev.egretta.elasticsearch.IndexSchema.STATUS;
import static dev.egretta.elasticsearch.IndexSchema.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.DomainCategory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads and writes of the chunk and documents indices that ingestion, inventory and deletion share. */
final class EsStore {
  private final EsHttp http;
  private final String chunks;
  private final String documents;

  EsStore(EsHttp http, ElasticsearchConfig config) {
    this.http = http;
    this.chunks = config.index();
    this.documents = config.documentsIndex();
  }

  EsHttp http() {
    return http;
  }

  String chunkIndex() {
    return chunks;
  }

  String documentsIndex() {
    return documents;
  }

  /** The manifests of one owner (empty = public library), by URI order of their keys. */
  List<Manifest> manifests(Optional<Organisation> owner, boolean indexedOnly) {
    ObjectNode query = indexedOnly ? indexedOf(owner) : Filters.ownedBy(owner);
    List<Manifest> out = new ArrayList<>();
    for (JsonNode hit : Scan.all(http, documents, query, DOC_KEY, Manifest.FIELDS)) {
      out.add(Manifest.of(hit.path("_source")));
    }
    return out;
  }

  /** The (domain, category) pairs of the public library and of {@code caller}'s private documents. */
  Set<DomainCategory> filings(Organisation caller) {
    Set<DomainCategory> out = new LinkedHashSet<>();
    for (Optional<Organisation> owner : List.of(Optional.<Organisation>empty(), Optional.of(caller))) {
      ObjectNode body = EsHttp.JSON.createObjectNode();
      body.put("size", 0);
      body.set("query", indexedOf(owner));
      ObjectNode composite = body.putObject("aggs").putObject("pairs").putObject("composite");
      composite.put("size", 10_000);
      ArrayNode sources = composite.putArray("sources");
      sources.addObject().putObject(DOMAIN).putObject("terms").put("field", DOMAIN);
      sources.addObject().putObject(CATEGORY).putObject("terms").put("field", CATEGORY);
      JsonNode buckets = http.post("/" + documents + "/_search", body).path("aggregations").path("pairs").path("buckets");
      for (JsonNode b : buckets) {
        out.add(new DomainCategory(b.path("key").path(DOMAIN).asText(), b.path("key").path(CATEGORY).asText()));
      }
    }
    return out;
  }

  long countIndexed(Optional<Organisation> owner) {
    return countDocuments(indexedOf(owner));
  }

  /** Whether one of the owner's indexed documents has a URI starting with {@code uriPrefix} (a count, not a scan). */
  boolean holdsIndexedUnder(Optional<Organisation> owner, String uriPrefix) {
    ObjectNode query = indexedOf(owner);
    ((ArrayNode) query.path("bool").path("filter")).addObject().putObject("prefix").put(URI, uriPrefix);
    return countDocuments(query) > 0;
  }

  /** The owner's manifests of indexed (not rejected) documents, as a filter-only bool query. */
  private static ObjectNode indexedOf(Optional<Organisation> owner) {
    ObjectNode query = Filters.ownedBy(owner);
    ((ArrayNode) query.path("bool").path("filter")).add(Filters.term(STATUS, INDEXED));
    return query;
  }

  private long countDocuments(ObjectNode query) {
    ObjectNode body = EsHttp.JSON.createObjectNode();
    body.set("query", query);
    return http.post("/" + documents + "/_count", body).path("count").asLong();
  }

  long chunkCount() {
    return http.post("/" + chunks + "/_count", null).path("count").asLong();
  }

  /** The {@code _id}s of every chunk of these documents. */
  Set<String> chunkIds(Collection<String> docKeys) {
    Set<String> ids = new LinkedHashSet<>();
    if (docKeys.isEmpty()) {
      return ids;
    }
    ObjectNode query = EsHttp.JSON.createObjectNode();
    ArrayNode keys = query.putObject("bool").putArray("filter").addObject().putObject("terms").putArray(DOC_KEY);
    docKeys.forEach(keys::add);
    for (JsonNode hit : Scan.all(http, chunks, query, CHUNK_ID)) {
      ids.add(hit.path("_id").asText());
    }
    return ids;
  }

  /** Makes everything written so far visible to searches. */
  void refresh() {
    http.post("/" + chunks + "," + documents + "/_refresh", null);
  }
}
