package dev.egretta.eval;

import dev.egretta.core.spi.SourceDocument;
import dev.egretta.lucene.TextDocumentSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A BEIR corpus as a text source: one single-page document per corpus entry (title + text). */
final class BeirCorpusSource implements TextDocumentSource {
  static final String DOMAIN = "beir";
  private final BeirDataset dataset;

  BeirCorpusSource(BeirDataset dataset) {
    this.dataset = dataset;
  }

  static String uri(String dataset, String id) {
    return "beir:" + dataset + "/" + id;
  }

  static String idOf(String uri) {
    return uri.substring(uri.indexOf('/') + 1);
  }

  @Override
  public List<SourceDocument> list() {
    List<SourceDocument> out = new ArrayList<>(dataset.corpus().size());
    for (Map.Entry<String, String> e : dataset.corpus().entrySet()) {
      String text = e.getValue();
      out.add(new SourceDocument(uri(dataset.name(), e.getKey()), e.getKey(), DOMAIN, dataset.name(),
          text.length(), text.length() + ":" + Integer.toHexString(text.hashCode())));
    }
    return out;
  }

  @Override
  public InputStream open(SourceDocument document) throws IOException {
    String text = dataset.corpus().get(idOf(document.uri()));
    if (text == null) {
      throw new IOException("no such corpus entry: " + document.uri());
    }
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
