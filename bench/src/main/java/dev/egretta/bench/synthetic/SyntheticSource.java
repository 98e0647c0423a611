package dev.egretta.bench.synthetic;

import dev.egretta.core.spi.SourceDocument;
import dev.egretta.lucene.TextDocumentSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The synthetic corpus as a plain-text document source (pages separated by form feeds), generated on read. */
public final class SyntheticSource implements TextDocumentSource {
  public static final String DOMAIN = "synthetic";
  public static final String CATEGORY = "all";
  private static final String PREFIX = "synthetic://corpus/doc-";

  private final SyntheticCorpus corpus;

  public SyntheticSource(SyntheticCorpus corpus) {
    this.corpus = corpus;
  }

  @Override
  public List<SourceDocument> list() {
    List<SourceDocument> out = new ArrayList<>(corpus.documents());
    for (int d = 0; d < corpus.documents(); d++) {
      out.add(new SourceDocument(PREFIX + d, "doc-" + d + ".txt", DOMAIN, CATEGORY, -1, "v1"));
    }
    return out;
  }

  @Override
  public InputStream open(SourceDocument document) {
    if (!document.uri().startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a document of this source: " + document.uri());
    }
    int d = Integer.parseInt(document.uri().substring(PREFIX.length()));
    return new ByteArrayInputStream(corpus.text(d).getBytes(StandardCharsets.UTF_8));
  }
}
