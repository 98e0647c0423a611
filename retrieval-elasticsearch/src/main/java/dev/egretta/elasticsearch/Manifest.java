package dev.egretta.elasticsearch;

import static dev.egretta.elasticsearch.IndexSchema.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.egretta.core.Organisation;
import dev.egretta.core.spi.SourceDocument;
import dev.egretta.lucene.IndexedDocument;
import dev.egretta.lucene.ParsedPassages;
import java.util.Optional;

/** What the documents index records about one document (indexed or rejected). */
record Manifest(String uri, String filename, String domain, String category, Optional<Organisation> owner,
    String status, String sha256, String version, String title, int pages, int chunks, boolean truncated, String reason) {

  static final String[] FIELDS = {URI, FILENAME, DOMAIN, CATEGORY, OWNER, STATUS, SHA256, VERSION, TITLE, PAGES, CHUNKS,
      TRUNCATED, REASON};

  boolean indexed() {
    return INDEXED.equals(status);
  }

  IndexedDocument toIndexedDocument() {
    return new IndexedDocument(uri, filename, domain, category, owner, title, pages, chunks, sha256, truncated);
  }

  static Manifest indexed(ParsedPassages p, Optional<Organisation> owner) {
    SourceDocument s = p.source();
    return new Manifest(s.uri(), s.filename(), s.domain(), s.category(), owner, INDEXED, p.sha256(), s.version(),
        p.title(), p.pages(), p.passages().size(), p.truncated(), "");
  }

  static Manifest rejected(SourceDocument s, Optional<Organisation> owner, String sha256, String reason) {
    return new Manifest(s.uri(), s.filename(), s.domain(), s.category(), owner, REJECTED, sha256, s.version(), "", 0, 0,
        false, reason);
  }

  String docKey() {
    return IndexSchema.docKey(owner, uri);
  }

  ObjectNode toJson() {
    ObjectNode d = EsHttp.JSON.createObjectNode();
    d.put(DOC_KEY, docKey()).put(URI, uri).put(FILENAME, filename).put(DOMAIN, domain).put(CATEGORY, category)
        .put(VISIBILITY, owner.isPresent() ? PRIVATE : PUBLIC).put(OWNER, owner.map(Organisation::id).orElse(""))
        .put(STATUS, status).put(SHA256, sha256).put(VERSION, version).put(TITLE, title).put(PAGES, pages)
        .put(CHUNKS, chunks).put(TRUNCATED, truncated).put(REASON, reason);
    return d;
  }

  static Manifest of(JsonNode source) {
    String owner = source.path(OWNER).asText("");
    return new Manifest(source.path(URI).asText(), source.path(FILENAME).asText(), source.path(DOMAIN).asText(),
        source.path(CATEGORY).asText(), owner.isEmpty() ? Optional.empty() : Optional.of(Organisation.of(owner)),
        source.path(STATUS).asText(), source.path(SHA256).asText(""), source.path(VERSION).asText(""),
        source.path(TITLE).asText(""), source.path(PAGES).asInt(), source.path(CHUNKS).asInt(),
        source.path(TRUNCATED).asBoolean(), source.path(REASON).asText(""));
  }
}
