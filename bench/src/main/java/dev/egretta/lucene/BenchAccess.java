package dev.egretta.lucene;

import java.util.List;

/** What the bench reads from a knowledge base that its public API does not offer. */
public final class BenchAccess {
  private BenchAccess() {}

  /** The texts the knowledge base embedded (each chunk's index text: heading + passage). */
  public static List<String> indexTexts(LuceneKnowledgeBase kb) {
    return kb.allIndexTexts();
  }
}
