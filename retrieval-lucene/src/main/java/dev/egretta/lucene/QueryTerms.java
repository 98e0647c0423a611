package dev.egretta.lucene;

import dev.egretta.core.EgrettaException;
import dev.egretta.core.internal.Spelling;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The BM25 terms of a question, the same for every backend: its words as the index analyser makes
 * them (duplicates kept, a bag of words) but for its {@link #INTERROGATIVES}, then each word's other spelling ({@link Spelling}:
 * "organisation" also asks for "organization") when that analyses to a new term. A question
 * written in British English finds a document written in American English and the other way round;
 * the added term matches nothing where the index holds one spelling only, so a question spelt as
 * its documents are ranks as before.
 */
final class QueryTerms {
  /** Proximity clauses per question at most (the first terms'): a pasted page would otherwise cost a phrase query per word. */
  static final int PROXIMITY_MAX_PAIRS = 32;

  /** Query terms beyond this are ignored. */
  static final int MAX = 512;

  private QueryTerms() {}

  /**
   * The words that only make a sentence a question, as the English analyser leaves them ("what", "how",
   * "does" as "doe"): no passage answers by repeating them, and one that does (an FAQ's heading, a "what
   * if" clause) should not rank for it. Their IDF is high in text that rarely asks, so they weighed like
   * rare content words. Left out of the query only; ObliQA dev BM25 nDCG@10 0.6668 → 0.6730.
   */
  static final Set<String> INTERROGATIVES = Set.of("what", "which", "who", "whom", "whose", "when", "where", "why", "how",
      "do", "doe", "did");

  static List<String> of(Analyzer analyzer, String text) {
    return withOtherSpellings(analyzer, text, primary(analyzer, text));
  }

  /** {@code primary} (the question's {@link #primary} terms) followed by its words' other spellings, at most {@value #MAX}. */
  static List<String> withOtherSpellings(Analyzer analyzer, String text, List<String> primary) {
    List<String> terms = new ArrayList<>(primary);
    List<String> others = Spelling.otherSpellings(text);
    if (!others.isEmpty()) {
      Set<String> seen = new HashSet<>(terms);
      for (String t : analyse(analyzer, String.join(" ", others), MAX)) {
        if (terms.size() < MAX && seen.add(t)) {
          terms.add(t);
        }
      }
    }
    return terms;
  }

  /** The question's own analysed terms in order, interrogatives left out (no other spellings). */
  static List<String> primary(Analyzer analyzer, String text) {
    List<String> terms = analyse(analyzer, text, MAX);
    terms.removeIf(INTERROGATIVES::contains);
    return terms;
  }

  /**
   * The pairs the proximity clauses are made of: each two adjacent terms of the question's own
   * ({@link #primary}) terms, the first {@value #PROXIMITY_MAX_PAIRS}, a term next to itself left out.
   */
  static List<List<String>> proximityPairs(List<String> primary) {
    List<List<String>> pairs = new ArrayList<>();
    for (int i = 0; i + 1 < primary.size() && i < PROXIMITY_MAX_PAIRS; i++) {
      if (!primary.get(i).equals(primary.get(i + 1))) {
        pairs.add(List.of(primary.get(i), primary.get(i + 1)));
      }
    }
    return pairs;
  }

  /** The analysed terms of a text, at most {@code max}. */
  static List<String> analyse(Analyzer analyzer, String text, int max) {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Fields.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && terms.size() < max) {
        terms.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new EgrettaException("cannot analyse the text: " + e.getMessage(), e);
    }
    return terms;
  }
}
