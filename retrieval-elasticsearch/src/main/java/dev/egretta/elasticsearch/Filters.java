package dev.egretta.elasticsearch;

import static dev.egretta.elasticsearch.IndexSchema.CATEGORY;
import static dev.egretta.elasticsearch.IndexSchema.DOMAIN;
import static dev.egretta.elasticsearch.IndexSchema.OWNER;
import static dev.egretta.elasticsearch.IndexSchema.PRIVATE;
import static dev.egretta.elasticsearch.IndexSchema.PUBLIC;
import static dev.egretta.elasticsearch.IndexSchema.VISIBILITY;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.SearchScope;
import java.util.Optional;

/** Query DSL pieces: term filters, the scope filter every search applies inside both of its queries. */
final class Filters {
  private Filters() {}

  static ObjectNode term(String field, String value) {
    ObjectNode t = EsHttp.JSON.createObjectNode();
    t.putObject("term").put(field, value);
    return t;
  }

  /** A bool query whose clauses all filter (no scoring). */
  static ObjectNode allOf(ObjectNode... clauses) {
    ObjectNode q = EsHttp.JSON.createObjectNode();
    ArrayNode filter = q.putObject("bool").putArray("filter");
    for (ObjectNode c : clauses) {
      filter.add(c);
    }
    return q;
  }

  /**
   * Domain, category, and who may see a chunk: the public library if the scope includes it, the one
   * organisation's private chunks if it names one — never another organisation's.
   */
  static ObjectNode scope(SearchScope scope) {
    ObjectNode who = EsHttp.JSON.createObjectNode();
    ObjectNode bool = who.putObject("bool");
    ArrayNode should = bool.putArray("should");
    if (scope.includePublic()) {
      should.add(term(VISIBILITY, PUBLIC));
    }
    scope.privateOf().ifPresent(org -> should.add(allOf(term(VISIBILITY, PRIVATE), term(OWNER, org.id()))));
    bool.put("minimum_should_match", 1);
    return allOf(term(DOMAIN, scope.domain()), term(CATEGORY, scope.category()), who);
  }

  /** The documents of one owner: its private ones, or (empty) the public library. */
  static ObjectNode ownedBy(Optional<Organisation> owner) {
    return allOf(term(OWNER, owner.map(Organisation::id).orElse("")),
        term(VISIBILITY, owner.isPresent() ? PRIVATE : PUBLIC));
  }
}
