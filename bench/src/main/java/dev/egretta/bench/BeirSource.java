package dev.egretta.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.egretta.core.spi.SourceDocument;
import dev.egretta.lucene.TextDocumentSource;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A BEIR {@code corpus.jsonl} as plain-text documents (title, blank line, text), one per corpus entry. */
final class BeirSource implements TextDocumentSource {
  static final String PREFIX = "beir://corpus/";
  private final Map<String, String> texts = new LinkedHashMap<>();
  private final String domain;
  private final String category;

  BeirSource(Path corpusJsonl, String domain, String category) throws IOException {
    this.domain = domain;
    this.category = category;
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(corpusJsonl, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        String title = n.path("title").asText("");
        String text = n.path("text").asText("");
        texts.put(n.path("_id").asText(), title.isBlank() ? text : title + "\n\n" + text);
      }
    }
  }

  @Override
  public List<SourceDocument> list() {
    List<SourceDocument> out = new ArrayList<>(texts.size());
    texts.forEach((id, text) -> out.add(new SourceDocument(PREFIX + id, id + ".txt", domain, category,
        text.length(), Integer.toHexString(text.hashCode()))));
    return out;
  }

  @Override
  public InputStream open(SourceDocument document) throws IOException {
    String text = texts.get(corpusId(document.uri()));
    if (text == null) {
      throw new IOException("no such corpus entry: " + document.uri());
    }
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The BEIR corpus id of a document URI or chunk id ({@code beir://corpus/<id>[#n]}). */
  static String corpusId(String uriOrChunkId) {
    String s = uriOrChunkId.startsWith(PREFIX) ? uriOrChunkId.substring(PREFIX.length()) : uriOrChunkId;
    int hash = s.indexOf('#');
    return hash < 0 ? s : s.substring(0, hash);
  }
}
