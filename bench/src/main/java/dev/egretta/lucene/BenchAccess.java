package dev.egretta.lucene;

import java.util.List;

/** What the bench reads from a knowledge base that its public API does not offer. */
public final class BenchAccess {
  private BenchAccess() {}

  /** The texts the knowledge base embedded (each chunk's index text: heading + passage). */
  public static List<String> indexTexts(LuceneKnowledgeBase kb) {
    return kb.allIndexTexts();
  }

  /** A query through the built-in bge-small embedder, exactly as a default knowledge base embeds it. */
  public static float[] embedQueryWithBuiltInModel(String query) {
    return OnnxBgeEmbedder.shared().embedQuery(query);
  }
}
