package dev.egretta.testkit.retrieval;

import dev.egretta.core.spi.SourceDocument;
import dev.egretta.lucene.TextDocumentSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text documents held in memory under one URI prefix, pages separated by form feeds; the contract
 * changes them between ingestion runs. Every change gets a new version, as a file's size and time would.
 */
final class MemoryTextSource implements TextDocumentSource {
  private record Entry(SourceDocument doc, byte[] bytes) {}

  private final String prefix;
  private final Map<String, Entry> docs = new LinkedHashMap<>();
  private int versions;

  MemoryTextSource(String prefix) {
    this.prefix = prefix;
  }

  /** Adds or replaces the document {@code name} filed under domain and category, with these pages. */
  String put(String name, String domain, String category, List<String> pages) {
    String uri = prefix + name;
    byte[] bytes = String.join("\f", pages).getBytes(StandardCharsets.UTF_8);
    docs.put(uri, new Entry(new SourceDocument(uri, name, domain, category, bytes.length, "v" + (++versions)), bytes));
    return uri;
  }

  void remove(String name) {
    docs.remove(prefix + name);
  }

  @Override
  public List<SourceDocument> list() {
    List<SourceDocument> out = new ArrayList<>();
    docs.values().forEach(e -> out.add(e.doc()));
    return out;
  }

  @Override
  public InputStream open(SourceDocument document) throws IOException {
    Entry e = docs.get(document.uri());
    if (e == null) {
      throw new IOException("no such document: " + document.uri());
    }
    return new ByteArrayInputStream(e.bytes());
  }

  @Override
  public boolean covers(String documentUri) {
    return documentUri.startsWith(prefix);
  }
}
